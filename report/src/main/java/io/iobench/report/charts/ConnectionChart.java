package io.iobench.report.charts;

import io.iobench.report.view.Metric;
import io.iobench.report.view.RunView;
import io.iobench.report.view.RunKey;
import io.iobench.report.view.RunStatus;
import io.iobench.report.view.SweepView;
import io.iobench.results.PointStatistics;
import io.iobench.statistics.Figure;
import io.iobench.statistics.PointEstimate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.knowm.xchart.XYChart;

/**
 * One metric against a count of connections, a line per model: against active connections (log x) for the runs of
 * one slice, or against idle connections for the runs at one active count. A failed run leaves a gap in its model's
 * line and a red × at the bottom; a flagged run stays in the line under a black ▲.
 */
final class ConnectionChart {

    /**
     * What the x axis counts.
     *
     * @param title the axis title
     * @param scale how counts map to positions
     * @param count the count of a run
     */
    record Axis(String title, Scale scale, ToIntFunction<RunKey> count) {

        /** Active connections on a log scale. */
        static Axis active() {
            return new Axis("active connections", new LogScale(), RunKey::connections);
        }

        /** Idle connections, the counts evenly spaced in order (see {@link CategoryScale}). */
        static Axis idle(List<Integer> idleCounts) {
            return new Axis("idle connections", new CategoryScale(idleCounts), key -> key.slice().idle());
        }

        double of(RunView run) {
            return count.applyAsInt(run.key());
        }
    }

    private ConnectionChart() {
    }

    /** The chart, or null when no run has this metric. */
    static XYChart of(SweepView sweep, List<RunView> runs, Metric metric, Axis x, Scale yScale, String title) {
        if (sweep.mostRepetitions() > 1 && runs.stream()
                .allMatch(run -> metric.figure(run.key().slice().openLoop()).isPresent())) {
            return ofPoints(sweep, runs, metric, x, yScale, title);
        }
        XyPlot plot = new XyPlot(title, x.title(), x.scale(), metric.label(), yScale);
        boolean anyValue = false;
        for (String model : sweep.models()) {
            List<RunView> line = runs.stream().filter(run -> run.key().model().equals(model))
                    .sorted(Comparator.comparingDouble(x::of)).toList();
            if (line.isEmpty()) {
                continue;
            }
            double[] xs = line.stream().mapToDouble(x::of).toArray();
            double[] ys = line.stream().mapToDouble(run -> drawn(run, metric)).toArray();
            anyValue |= Arrays.stream(ys).anyMatch(v -> !Double.isNaN(v));
            plot.line(model, sweep.modelIndex(model), xs, ys, false, true);
            for (RunView run : line) {
                Double value = run.value(metric);
                if (leftOut(run, metric)) {
                    plot.incomplete(x.of(run));
                } else if (run.status() == RunStatus.FLAGGED && value != null) {
                    plot.flagged(x.of(run), value);
                }
            }
        }
        runs.stream().filter(run -> run.status() == RunStatus.FAILED).forEach(run -> plot.failed(x.of(run)));
        return anyValue ? plot.chart() : null;
    }

    /**
     * A sweep with repetitions: a line per model through each point's median, with the median's 95% interval as a
     * thin vertical line where the point has the 3 counted repetitions one needs. A point none of whose runs counts
     * is a red ×; one with a flagged repetition is under a ▲; one whose latency no repetition could give (all
     * latency_incomplete) is a ◆ at the bottom.
     */
    private static XYChart ofPoints(SweepView sweep, List<RunView> runs, Metric metric, Axis x, Scale yScale,
                                    String title) {
        XyPlot plot = new XyPlot(title, x.title(), x.scale(), metric.label(), yScale);
        Set<String> ids = runs.stream().map(RunView::id).collect(Collectors.toSet());
        List<RunView> points = sweep.pointRuns().stream().filter(run -> ids.contains(run.id())).toList();
        boolean anyValue = false;
        for (String model : sweep.models()) {
            List<RunView> line = points.stream().filter(run -> run.key().model().equals(model))
                    .sorted(Comparator.comparingDouble(x::of)).toList();
            if (line.isEmpty()) {
                continue;
            }
            double[] ys = new double[line.size()];
            for (int i = 0; i < line.size(); i++) {
                RunView run = line.get(i);
                PointStatistics point = sweep.point(run);
                Figure figure = metric.figure(run.key().slice().openLoop()).orElseThrow();
                PointEstimate estimate = point.estimate(figure).orElse(null);
                ys[i] = estimate == null ? Double.NaN : estimate.median();
                if (estimate == null) {
                    if (point.counted() == 0) {
                        plot.failed(x.of(run));
                    } else if (metric.latency()) {
                        plot.incomplete(x.of(run));
                    }
                    continue;
                }
                anyValue = true;
                estimate.interval().ifPresent(interval -> plot.interval(sweep.modelIndex(model), x.of(run),
                        interval.low(), interval.high()));
                if (point.flagged() > 0) {
                    plot.flagged(x.of(run), estimate.median());
                }
            }
            plot.line(model, sweep.modelIndex(model), line.stream().mapToDouble(x::of).toArray(), ys, false, true);
        }
        return anyValue ? plot.chart() : null;
    }

    /**
     * The value drawn for a run: NaN (a gap) when it failed, did not measure this metric, or is a latency of a run
     * whose starved connections left no sample (it would be drawn as the best latency of all).
     */
    private static double drawn(RunView run, Metric metric) {
        Double value = run.value(metric);
        return run.status() == RunStatus.FAILED || value == null || leftOut(run, metric) ? Double.NaN
                : Objects.requireNonNull(value);
    }

    /** A latency of a run flagged latency_incomplete: describes only the connections that were served. */
    static boolean leftOut(RunView run, Metric metric) {
        return metric.latency() && run.status() != RunStatus.FAILED && run.flags().contains("latency_incomplete");
    }
}
