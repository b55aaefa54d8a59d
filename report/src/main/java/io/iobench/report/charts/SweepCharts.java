package io.iobench.report.charts;

import io.iobench.report.document.Block;
import io.iobench.report.view.Metric;
import io.iobench.report.view.NumberText;
import io.iobench.report.view.RunView;
import io.iobench.report.view.Slice;
import io.iobench.report.view.SweepView;
import io.iobench.results.Warnings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The charts of one slice of a sweep, in reading order, each with a caption saying how to read it: throughput,
 * p50/p99/p99.9 latency, latency by percentile, server CPU per message, memory per connection and idle CPU.
 */
public final class SweepCharts {

    private static final String LOG_AXES = " Both axes are logarithmic: equal steps are equal ratios.";
    static final String OPEN_LOOP = " Open loop: measured from each message's intended send time, so time"
            + " spent queued behind a stall counts (coordinated omission corrected).";

    private final SweepView sweep;
    private final ChartFiles files;
    private final Integer percentileConnections;
    private final PercentileChart percentiles;

    /**
     * @param percentileConnections the connection count for the percentile chart; null for the default
     * @param warnings              receives unreadable {@code .hgrm} files
     */
    public SweepCharts(SweepView sweep, ChartFiles files, Integer percentileConnections, Warnings warnings) {
        this.sweep = sweep;
        this.files = files;
        this.percentileConnections = percentileConnections;
        this.percentiles = new PercentileChart(sweep, warnings);
    }

    /** Figures for the slice, and a paragraph for each chart left out for lack of data. */
    public List<Block> of(Slice slice) throws IOException {
        List<RunView> runs = sweep.runs().stream().filter(run -> run.key().slice().equals(slice)).toList();
        List<Block> blocks = new ArrayList<>();
        String suffix = " (" + slice.title() + ")";

        String throughput = "Throughput" + suffix;
        blocks.add(figure(throughput, () -> line(runs, Metric.MSGS_PER_S, new LinearScale(), throughput),
                "throughput-" + slice.id(), "Echoes completed per second in the measured window, against active"
                        + " connections (log scale). Higher is better; where a line flattens the model has saturated,"
                        + " where it falls the model pays for its own overhead." + intervals(), runs, true));

        boolean corrected = corrected(runs);
        List<Metric> latencies = corrected
                ? List.of(Metric.CORRECTED_P50_US, Metric.CORRECTED_P99_US, Metric.CORRECTED_P999_US)
                : List.of(Metric.P50_US, Metric.P99_US, Metric.P999_US);
        for (Metric latency : latencies) {
            String percentile = latency.header().replace("corr. ", "").replace(" µs", "");
            String title = (corrected ? "Corrected " : "") + percentile + " latency" + suffix;
            blocks.add(figure(title, () -> line(runs, latency, new LogScale(), title),
                    "latency-" + percentile.replace(".", "") + "-" + slice.id(),
                    "The " + percentile + " of round-trip latency, µs, against active connections."
                            + " Lower is better." + LOG_AXES + (corrected ? OPEN_LOOP : "") + intervals(), runs,
                    true));
        }

        Optional<PercentileChart.Choice> choice = PercentileChart.choose(runs, percentileConnections);
        if (choice.isPresent()) {
            int connections = choice.get().connections();
            List<RunView> drawn = runs.stream().filter(run -> run.key().connections() == connections).toList();
            String title = "Latency by percentile at " + NumberText.format(connections, true)
                    + (connections == 1 ? " connection" : " connections") + suffix;
            blocks.add(figure(title, () -> percentiles.of(runs, connections, title), "percentiles-" + slice.id(),
                    "Latency at every percentile, µs (log scale), as HdrHistogram plots it: the x axis is 1/(1-p)"
                            + " on a log scale, so each labelled gridline is ten times rarer than the one before"
                            + " (90%, 99%, 99.9%, ...). Low and flat is good; a line that turns up early has a tail."
                            + (corrected ? " Dashed: corrected latency, measured from the intended send time; the"
                            + " gap to the solid line is coordinated omission." : "")
                            + " " + choice.get().reason() + (sweep.mostRepetitions() > 1 ? " Each point is drawn"
                            + " by its first run; every run's distribution is in its directory." : ""), drawn,
                    false));
        }

        String cpu = "Server CPU per message" + suffix;
        blocks.add(figure(cpu, () -> line(runs, Metric.SERVER_CPU_US_PER_MSG, new LinearScale(), cpu),
                "cpu-per-message-" + slice.id(),
                "Server CPU time (user + system) per echoed message, µs, against active connections (log scale)."
                        + " Lower is cheaper: it counts the system calls, wake-ups and copies each message costs;"
                        + " a rise with connections is per-connection overhead." + intervals(), runs, true));
        String memory = "Memory per connection" + suffix;
        blocks.add(figure(memory, () -> line(runs, Metric.MEMORY_PER_CONNECTION_KIB, new LinearScale(), memory),
                "memory-per-connection-" + slice.id(),
                "Growth of the server's resident memory from before connecting to all connections open (active"
                        + " and idle), divided by the connections, KiB: thread stacks, buffers and per-socket state."
                        + " A few KiB either way is within the noise of RSS.", runs, true));
        String idle = "Idle CPU" + suffix;
        blocks.add(figure(idle, () -> IdleCpuChart.of(sweep, runs, idle), "idle-cpu-" + slice.id(),
                "Server CPU, in cores, while the connections are open and no message flows. A model that blocks"
                        + " or waits in epoll should show nothing; one that polls or spins burns a core or more"
                        + " whatever the load.", runs, false));
        return blocks;
    }

    /** What a chart of a sweep with repetitions draws; nothing to say for one run per point. */
    private String intervals() {
        return sweep.mostRepetitions() <= 1 ? "" : " Each point is the median of its repetitions; the thin vertical"
                + " line through it is the median's 95% interval (order-statistic), where the point has 3 counted"
                + " repetitions or more.";
    }

    private XYChart line(List<RunView> runs, Metric metric, Scale yScale, String title) {
        return ConnectionChart.of(sweep, runs, metric, ConnectionChart.Axis.active(), yScale, title);
    }

    /** Whether the runs measured latency from the intended send time (open loop), which their charts then show. */
    static boolean corrected(List<RunView> runs) {
        return runs.stream().anyMatch(run -> run.value(Metric.CORRECTED_P99_US) != null);
    }

    private Block figure(String title, Supplier<? extends Chart<?, ?>> chart, String name, String howToRead,
                         List<RunView> runs, boolean markers) throws IOException {
        return files.write(title, chart, name, howToRead + RunNotes.of(runs, markers));
    }
}
