package io.iobench.report.charts;

import io.iobench.report.document.Block;
import io.iobench.report.view.Metric;
import io.iobench.report.view.NumberText;
import io.iobench.report.view.RunView;
import io.iobench.report.view.SweepView;
import io.iobench.results.CapacityFile;
import io.iobench.statistics.Sample;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.knowm.xchart.XYChart;

/**
 * The charts of a capacity search, per connection count: the hockey stick (corrected p50, p99 and p99.9 against the
 * achieved rate, a line per model through its probes, the objective as a dashed line and each model's capacity as
 * a thin vertical line in its colour on the objective's chart) and the server's CPU per message against the
 * achieved rate. A line's points are the probes' target rates, each drawn at the median of its runs (the found
 * rate has several).
 */
public final class CapacityCharts {

    private static final List<Metric> PERCENTILES = List.of(Metric.CORRECTED_P50_US, Metric.CORRECTED_P99_US,
            Metric.CORRECTED_P999_US);

    private final SweepView sweep;
    private final CapacityFile capacity;
    private final ChartFiles files;
    private final Map<String, RunView> runs;

    public CapacityCharts(SweepView sweep, CapacityFile capacity, ChartFiles files) {
        this.sweep = sweep;
        this.capacity = capacity;
        this.files = files;
        this.runs = sweep.runs().stream().collect(Collectors.toMap(RunView::id, run -> run, (a, b) -> a));
    }

    /** The charts at {@code connections} and {@code size}, in reading order. */
    public List<Block> of(int connections, int size) throws IOException {
        List<CapacityFile.CapacityPoint> points = capacity.points().stream()
                .filter(p -> p.connections() == connections && p.size() == size).toList();
        String suffix = " (" + NumberText.format(connections, true) + " connections, " + NumberText.bytes(size) + ")";
        String id = "c" + connections + "-s" + size;
        List<Block> blocks = new ArrayList<>();
        for (Metric metric : PERCENTILES) {
            String percentile = metric.header().replace("corr. ", "").replace(" µs", "");
            boolean objective = percentile.equals(objectiveName());
            String title = "Corrected " + percentile + " latency against achieved rate" + suffix;
            blocks.add(files.write(title, () -> latency(points, metric, objective, title),
                    "capacity-" + percentile.replace(".", "") + "-" + id,
                    "The " + percentile + " of latency from each message's intended send time, µs (log scale),"
                            + " against the rate achieved, msgs/s: a point per rate probed, the median of its runs."
                            + " Flat while the server keeps up, then the knee: the hockey stick."
                            + (objective ? " The dashed line is the objective, " + capacity.objective().text()
                            + "; the thin vertical line in a model's colour is its capacity." : "")));
        }
        String cpu = "Server CPU per message against achieved rate" + suffix;
        blocks.add(files.write(cpu, () -> plot(points, Metric.SERVER_CPU_US_PER_MSG, new LinearScale(), cpu,
                        "server CPU µs/msg"), "capacity-cpu-" + id,
                "Server CPU time per echoed message, µs, against the rate achieved, msgs/s. It falls as the rate"
                        + " rises where a model batches more work per wake-up, and rises where it spins or"
                        + " contends."));
        return blocks;
    }

    /** The objective's percentile as the charts name it: {@code p99}, {@code p99.9}. */
    private String objectiveName() {
        return "p" + new java.math.BigDecimal(Double.toString(capacity.objective().percentile()))
                .stripTrailingZeros().toPlainString();
    }

    private XYChart latency(List<CapacityFile.CapacityPoint> points, Metric metric, boolean objective,
                            String title) {
        XyPlot plot = build(points, metric, new LogScale(), title, metric.header().replace("corr. ", ""));
        if (plot == null) {
            return null;
        }
        if (objective) {
            double bound = capacity.objective().boundUs();
            plot.reference("objective " + capacity.objective().text(), bound);
            // Each capacity a vertical line from below every point drawn up to the objective.
            double lowest = points.stream().flatMap(p -> line(p, metric).stream()).mapToDouble(v -> v[1]).min()
                    .orElse(bound);
            for (CapacityFile.CapacityPoint point : points) {
                if (point.capacityMsgsPerS() != null) {
                    plot.interval(sweep.modelIndex(point.model()), point.capacityMsgsPerS(),
                            Math.min(lowest, bound) / 2, bound);
                }
            }
        }
        return plot.chart();
    }

    private XYChart plot(List<CapacityFile.CapacityPoint> points, Metric metric, Scale yScale, String title,
                         String yTitle) {
        XyPlot plot = build(points, metric, yScale, title, yTitle);
        return plot == null ? null : plot.chart();
    }

    private XyPlot build(List<CapacityFile.CapacityPoint> points, Metric metric, Scale yScale, String title,
                         String yTitle) {
        XyPlot plot = new XyPlot(title, "achieved msgs/s", new LinearScale(), yTitle, yScale);
        boolean any = false;
        for (CapacityFile.CapacityPoint point : points) {
            List<double[]> line = line(point, metric);
            if (line.isEmpty()) {
                continue;
            }
            any = true;
            double[] x = line.stream().mapToDouble(v -> v[0]).toArray();
            double[] y = line.stream().mapToDouble(v -> v[1]).toArray();
            plot.line(point.model(), sweep.modelIndex(point.model()), x, y, false, true);
        }
        return any ? plot : null;
    }

    /**
     * Per target rate, the median achieved rate and the median of {@code metric} over the probes' runs there, in
     * the order of the achieved rate, as the line is drawn.
     */
    private List<double[]> line(CapacityFile.CapacityPoint point, Metric metric) {
        Map<Long, List<RunView>> byRate = new TreeMap<>();
        for (CapacityFile.Probe probe : point.probes()) {
            RunView run = runs.get(probe.run());
            if (run != null && !run.result().flags().failed() && run.value(Metric.MSGS_PER_S) != null
                    && run.value(metric) != null) {
                byRate.computeIfAbsent(probe.rateTargetMsgsPerS(), r -> new ArrayList<>()).add(run);
            }
        }
        List<double[]> line = new ArrayList<>();
        byRate.forEach((rate, at) -> line.add(new double[] {median(at, r -> r.value(Metric.MSGS_PER_S)),
                median(at, r -> r.value(metric))}));
        line.sort(Comparator.comparingDouble(v -> v[0]));
        return line;
    }

    private static double median(List<RunView> runs, Function<RunView, Double> value) {
        return Sample.of(runs.stream().map(value).toList()).median();
    }
}
