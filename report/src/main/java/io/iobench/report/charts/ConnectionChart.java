package io.iobench.report.charts;

import io.iobench.report.results.Metric;
import io.iobench.report.results.Run;
import io.iobench.report.results.RunStatus;
import io.iobench.report.results.Sweep;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;

/**
 * One metric against active connections (log x), a line per model, for the runs of one slice. A failed run leaves a
 * gap in its model's line and a red × at the bottom; a flagged run stays in the line under a black ▲.
 */
final class ConnectionChart {

    private ConnectionChart() {
    }

    /** The chart, or null when no run of the slice has this metric and none failed. */
    static XYChart of(Sweep sweep, List<Run> runs, Metric metric, Scale yScale, String title) {
        XyPlot plot = new XyPlot(title, "active connections", new LogScale(true), metric.label(), yScale);
        boolean anyValue = false;
        for (String model : sweep.models()) {
            List<Run> line = runs.stream().filter(run -> run.key().model().equals(model)).toList();
            if (line.isEmpty()) {
                continue;
            }
            double[] x = line.stream().mapToDouble(run -> run.key().connections()).toArray();
            double[] y = line.stream().mapToDouble(run -> drawn(run, metric)).toArray();
            anyValue |= Arrays.stream(y).anyMatch(v -> !Double.isNaN(v));
            plot.line(model, sweep.modelIndex(model), x, y, false, true);
            for (Run run : line) {
                Double value = run.value(metric);
                if (run.status() == RunStatus.FLAGGED && value != null) {
                    plot.flagged(run.key().connections(), value);
                }
            }
        }
        runs.stream().filter(run -> run.status() == RunStatus.FAILED)
                .forEach(run -> plot.failed(run.key().connections()));
        return anyValue ? plot.chart() : null;
    }

    /** The value drawn for a run: NaN (a gap) when it failed or did not measure this metric. */
    private static double drawn(Run run, Metric metric) {
        Double value = run.value(metric);
        return run.status() == RunStatus.FAILED || value == null ? Double.NaN : Objects.requireNonNull(value);
    }
}
