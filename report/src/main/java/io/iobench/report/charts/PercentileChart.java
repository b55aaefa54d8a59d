package io.iobench.report.charts;

import io.iobench.results.HgrmFile;
import io.iobench.report.view.NumberText;
import io.iobench.results.PercentileDistribution;
import io.iobench.report.view.RunView;
import io.iobench.report.view.RunStatus;
import io.iobench.report.view.SweepView;
import io.iobench.results.Warnings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.knowm.xchart.XYChart;

/**
 * Latency by percentile in HdrHistogram's style, a line per model at one connection count, read from the runs'
 * {@code .hgrm} files. Corrected latency (open loop, from the intended send time) is dashed in the model's colour
 * beside the uncorrected line, so coordinated omission shows as the gap between them.
 */
final class PercentileChart {

    private final SweepView sweep;
    private final Warnings warnings;

    PercentileChart(SweepView sweep, Warnings warnings) {
        this.sweep = sweep;
        this.warnings = warnings;
    }

    /** The connection count the chart is drawn at, and the caption's sentence saying why. */
    record Choice(int connections, String reason) {
    }

    /**
     * The requested connection count when the slice has runs there, else the largest count at which every model of
     * the slice has a good run, else the largest at which some run did not fail; empty when every run failed.
     */
    static Optional<Choice> choose(List<RunView> runs, Integer requested) {
        if (requested != null && runs.stream().anyMatch(run -> run.key().connections() == requested)) {
            return Optional.of(new Choice(requested, "Drawn at " + count(requested)
                    + ", as asked with --percentile-connections."));
        }
        String instead = requested == null ? "" : " (there is no run at " + count(requested) + ")";
        long models = runs.stream().map(run -> run.key().model()).distinct().count();
        OptionalInt allGood = runs.stream().mapToInt(run -> run.key().connections()).distinct()
                .filter(c -> runs.stream().filter(run -> run.key().connections() == c)
                        .filter(run -> run.status() == RunStatus.GOOD).count() == models)
                .max();
        if (allGood.isPresent()) {
            return Optional.of(new Choice(allGood.getAsInt(), "Drawn at " + count(allGood.getAsInt())
                    + ", the largest count where every model has a good run" + instead
                    + "; choose another with --percentile-connections N."));
        }
        OptionalInt any = runs.stream().filter(run -> run.status() != RunStatus.FAILED)
                .mapToInt(run -> run.key().connections()).max();
        if (any.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Choice(any.getAsInt(), "Drawn at " + count(any.getAsInt())
                + ", the largest count with a run that did not fail: no count has a good run of every model" + instead
                + "; choose another with --percentile-connections N."));
    }

    private static String count(int connections) {
        return NumberText.format(connections, true) + (connections == 1 ? " connection" : " connections");
    }

    /** The chart of the slice's runs at {@code connections}, or null when no distribution could be read. */
    XYChart of(List<RunView> runs, int connections, String title) {
        XyPlot plot = new XyPlot(title, "percentile", new PercentileScale(), "latency (µs)", new LogScale());
        // With repetitions a point is drawn by its first run: a line per repetition would bury the models.
        Set<String> firstOfPoint = new HashSet<>(sweep.pointRuns().stream().map(RunView::id).toList());
        for (RunView run : runs) {
            if (!firstOfPoint.contains(run.id())) {
                continue;
            }
            // A run whose starved connections left no sample would draw the best distribution of all.
            if (run.key().connections() != connections || run.status() == RunStatus.FAILED
                    || run.flags().contains("latency_incomplete")) {
                continue;
            }
            String name = run.key().model() + (run.status() == RunStatus.FLAGGED
                    ? " (" + String.join(", ", run.marks()) + ")" : "");
            int modelIndex = sweep.modelIndex(run.key().model());
            distribution(run, false).ifPresent(d -> line(plot, name, modelIndex, d, false));
            distribution(run, true).ifPresent(d -> line(plot, name + " corrected", modelIndex, d, true));
        }
        return plot.isEmpty() ? null : plot.chart();
    }

    private static void line(XyPlot plot, String name, int modelIndex, PercentileDistribution distribution,
                             boolean corrected) {
        // The 100th percentile has no finite 1/(1-p); the table's max column carries it.
        List<PercentileDistribution.Point> points = distribution.points().stream()
                .filter(point -> Double.isFinite(point.inverseTail())).toList();
        plot.line(name, modelIndex, points.stream().mapToDouble(PercentileDistribution.Point::inverseTail).toArray(),
                points.stream().mapToDouble(PercentileDistribution.Point::valueUs).toArray(), corrected, false);
    }

    private Optional<PercentileDistribution> distribution(RunView run, boolean corrected) {
        Optional<Path> file = run.hgrm(corrected);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        if (!Files.exists(file.get())) {
            warnings.add(file.get(), "named in result.json but missing; left out of the percentile chart");
            return Optional.empty();
        }
        try {
            return Optional.of(HgrmFile.read(file.get()));
        } catch (IOException e) {
            warnings.add(file.get(), e.getMessage() + "; left out of the percentile chart");
            return Optional.empty();
        }
    }
}
