package io.iobench.report.charts;

import io.iobench.report.view.Metric;
import io.iobench.report.view.NumberText;
import io.iobench.report.view.RunView;
import io.iobench.report.view.RunStatus;
import io.iobench.report.view.SweepView;
import io.iobench.statistics.Figure;
import io.iobench.statistics.PointEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

/**
 * Server CPU while connections are open and silent, as bars grouped by connection count, a bar per model. A model that
 * blocks or waits in epoll costs nothing here; one that polls or spins shows a core or more.
 */
final class IdleCpuChart {

    private IdleCpuChart() {
    }

    /** The chart, or null when no good or flagged run of the slice measured idle CPU. */
    static CategoryChart of(SweepView sweep, List<RunView> runs, String title) {
        List<RunView> measured = runs.stream()
                .filter(run -> run.status() != RunStatus.FAILED && run.value(Metric.IDLE_CPU_CORES) != null)
                .toList();
        if (measured.isEmpty()) {
            return null;
        }
        List<Integer> connections = List.copyOf(new TreeSet<>(measured.stream()
                .map(run -> run.key().connections()).toList()));
        List<String> categories = connections.stream().map(c -> NumberText.format(c, true)).toList();
        List<String> models = sweep.models().stream()
                .filter(model -> measured.stream().anyMatch(run -> run.key().model().equals(model))).toList();

        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(title).xAxisTitle("active connections").yAxisTitle(Metric.IDLE_CPU_CORES.label()).build();
        ChartStyle.apply(chart, models.size());
        double highest = measured.stream().mapToDouble(run -> run.value(Metric.IDLE_CPU_CORES)).max().orElse(0);
        // An all-zero chart still needs a range to draw its axis; a hundredth of a core is below what matters.
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(Math.max(highest * 1.1, 0.01));
        chart.getStyler().setYAxisDecimalPattern("0.###");
        for (String model : models) {
            List<Double> values = new ArrayList<>();
            for (int c : connections) {
                values.add(measured.stream()
                        .filter(run -> run.key().model().equals(model) && run.key().connections() == c)
                        .map(run -> idleCores(sweep, run)).findFirst().orElse(Double.NaN));
            }
            CategorySeries series = chart.addSeries(model, categories, values);
            series.setFillColor(ChartStyle.modelColour(sweep.modelIndex(model)));
        }
        return chart;
    }

    /** A run's idle cores; with repetitions, the median of its point's. */
    private static double idleCores(SweepView sweep, RunView run) {
        if (sweep.mostRepetitions() <= 1) {
            return run.value(Metric.IDLE_CPU_CORES);
        }
        return sweep.point(run).estimate(Figure.IDLE_CPU_CORES).map(PointEstimate::median).orElse(Double.NaN);
    }
}
