package io.iobench.report.charts;

import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

/**
 * Benchmark scores as grouped bars with error bars: a group per parameter set, a bar per model. Used for JMH results,
 * whose error is the half-width of a 99.9% confidence interval.
 */
public final class ScoreChart {

    /**
     * A series of bars, one per category; NaN for a category it has no score in.
     *
     * @param errors half-widths of the error bars, same unit as {@code scores}; 0 where unknown
     */
    public record Bars(String name, List<Double> scores, List<Double> errors) {
        public Bars {
            scores = List.copyOf(scores);
            errors = List.copyOf(errors);
        }
    }

    private ScoreChart() {
    }

    /**
     * @param categories the parameter sets, in order; each {@link Bars} has a value per category
     */
    public static CategoryChart of(String title, String xTitle, String yTitle, List<String> categories,
                                   List<Bars> bars) {
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        ChartStyle.apply(chart, bars.size());
        double top = 0;
        for (Bars series : bars) {
            for (int i = 0; i < categories.size(); i++) {
                double score = series.scores().get(i);
                if (!Double.isNaN(score)) {
                    top = Math.max(top, score + series.errors().get(i));
                }
            }
        }
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(top > 0 ? top * 1.08 : 1);
        chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        for (int i = 0; i < bars.size(); i++) {
            Bars series = bars.get(i);
            CategorySeries added = chart.addSeries(series.name(), categories, series.scores(), series.errors());
            added.setFillColor(ChartStyle.modelColour(i));
        }
        return chart;
    }
}
