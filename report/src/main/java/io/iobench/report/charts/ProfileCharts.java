package io.iobench.report.charts;

import io.iobench.report.view.NumberText;
import io.iobench.report.view.RunView;
import io.iobench.report.view.SweepView;
import io.iobench.results.LatencyLogFile;
import io.iobench.results.RunProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;

/**
 * The charts of profiled runs ({@code --prof}): the server's system calls per message, as bars grouped by connection
 * count, a bar per model; and, for one run, a timeline of its measured window second by second, the longest pause of
 * the server's JVM begun in each second beside the highest latency the interval log recorded in it, so that a
 * latency spike and the pause behind it stand one above the other.
 */
public final class ProfileCharts {

    private ProfileCharts() {
    }

    /** The bars of every run in {@code runs} whose syscalls were counted; null when none was. */
    public static CategoryChart syscallsPerMessage(SweepView sweep, List<RunView> runs, String title) {
        List<RunView> counted = runs.stream().filter(run -> perMessage(run) != null).toList();
        if (counted.isEmpty()) {
            return null;
        }
        List<Integer> connections = List.copyOf(new TreeSet<>(counted.stream()
                .map(run -> run.key().connections()).toList()));
        List<String> categories = connections.stream().map(c -> NumberText.format(c, true)).toList();
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(title).xAxisTitle("active connections").yAxisTitle("system calls per message").build();
        List<String> models = sweep.models().stream()
                .filter(model -> counted.stream().anyMatch(run -> run.key().model().equals(model))).toList();
        ChartStyle.apply(chart, models.size());
        chart.getStyler().setYAxisMin(0.0).setYAxisDecimalPattern("0.##");
        for (String model : models) {
            List<Double> values = new ArrayList<>();
            for (int c : connections) {
                // With repetitions, the median of the point's profiled runs.
                List<Double> each = counted.stream()
                        .filter(run -> run.key().model().equals(model) && run.key().connections() == c)
                        .map(ProfileCharts::perMessage).sorted().toList();
                values.add(each.isEmpty() ? Double.NaN : each.get(each.size() / 2));
            }
            CategorySeries series = chart.addSeries(model, categories, values);
            series.setFillColor(ChartStyle.modelColour(sweep.modelIndex(model)));
        }
        return chart;
    }

    /**
     * The run's window second by second: the highest latency of each interval of its log ({@code tag}), and the
     * longest pause begun in each second, both in milliseconds; null without pauses or intervals.
     */
    public static XYChart pauseTimeline(RunView run, LatencyLogFile.Intervals log, String tag, String title) {
        RunProfile profile = run.result().profile();
        // The log's last interval is the drain after the window, the echoes still in flight: not the window's.
        long windowEndMs = log.startEpochMs() + Math.round(run.result().timing().measuredS() * 1000);
        List<Histogram> intervals = log.intervals().getOrDefault(tag, List.of()).stream()
                .filter(interval -> interval.getStartTimeStamp() < windowEndMs).toList();
        if (profile == null || profile.pauses() == null || intervals.isEmpty()) {
            return null;
        }
        double[] latencyS = new double[intervals.size()];
        double[] latencyMs = new double[intervals.size()];
        for (int i = 0; i < intervals.size(); i++) {
            Histogram interval = intervals.get(i);
            latencyS[i] = (interval.getStartTimeStamp() - log.startEpochMs()) / 1000.0;
            latencyMs[i] = interval.getMaxValue() / 1000.0;
        }
        int seconds = Math.max(1, (int) Math.ceil(run.result().timing().measuredS()));
        double[] pauseS = new double[seconds];
        double[] pauseMs = new double[seconds];
        for (int s = 0; s < seconds; s++) {
            pauseS[s] = s;
        }
        for (RunProfile.Pause pause : profile.pauses()) {
            int second = (int) ((pause.startEpochMs() - log.startEpochMs()) / 1000);
            if (second >= 0 && second < seconds) {
                pauseMs[second] = Math.max(pauseMs[second], pause.durationMs());
            }
        }
        XyPlot plot = new XyPlot(title, "second of the measured window", new LinearScale(), "milliseconds",
                new LinearScale());
        plot.line("highest latency in the second", 0, latencyS, latencyMs, false, true);
        plot.line("longest JVM pause begun in the second", 1, pauseS, pauseMs, true, true);
        return plot.chart();
    }

    private static Double perMessage(RunView run) {
        RunProfile profile = run.result().profile();
        return profile == null || profile.syscalls() == null ? null : profile.syscalls().totalPerMessage();
    }
}
