package io.iobench.report.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart on iobench's scales: lines per model, then the markers for flagged and failed runs on top. Values go
 * in as measured; the plot maps them through its {@link Scale}s, so callers never handle logarithms.
 */
final class XyPlot {

    /** A model's line; NaN in {@code y} leaves a gap, which is how a failed run stays out of the line. */
    private record Line(String name, int modelIndex, double[] x, double[] y, boolean dashed, boolean markers) {
    }

    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final Scale xScale;
    private final Scale yScale;
    private final List<Line> lines = new ArrayList<>();
    private final List<double[]> flagged = new ArrayList<>();
    private final List<Double> failed = new ArrayList<>();
    private final List<Double> incomplete = new ArrayList<>();
    private final List<Interval> intervals = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();

    /** A horizontal line at {@code y} across the plot. */
    private record Reference(String name, double y) {
    }

    /** A median's interval at {@code x}, from {@code low} to {@code high}, in its model's colour. */
    private record Interval(int modelIndex, double x, double low, double high) {
    }

    XyPlot(String title, String xTitle, Scale xScale, String yTitle, Scale yScale) {
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.xScale = xScale;
        this.yScale = yScale;
    }

    /**
     * @param modelIndex the model's place in the sweep, which fixes its colour and marker
     * @param dashed     for the corrected twin of a latency line
     * @param markers    whether to mark each point (sweep points) or not (dense percentile lines)
     */
    void line(String name, int modelIndex, double[] x, double[] y, boolean dashed, boolean markers) {
        lines.add(new Line(name, modelIndex, x.clone(), y.clone(), dashed, markers));
    }

    /**
     * A point's 95% interval, drawn as a thin vertical line from {@code low} to {@code high} through its median.
     * Drawn as a series of two points rather than with XChart's error bars, which are symmetric about the value and
     * in the plot's own units: an order-statistic interval is not symmetric, and on a log axis no interval is.
     */
    void interval(int modelIndex, double x, double low, double high) {
        intervals.add(new Interval(modelIndex, x, low, high));
    }

    /** A horizontal reference across the plot at {@code y}, such as a latency objective: dashed, dark grey. */
    void reference(String name, double y) {
        references.add(new Reference(name, y));
    }

    /** A point of a flagged run, drawn under a black ▲. */
    void flagged(double x, double y) {
        flagged.add(new double[] {x, y});
    }

    /** A failed run at {@code x}: a red × at the bottom of the plot. */
    void failed(double x) {
        failed.add(x);
    }

    /**
     * A run whose latencies miss its starved connections ({@code latency_incomplete}) at {@code x}: left out of a
     * latency line, where it would read as the best latency of all, and marked at the bottom instead.
     */
    void incomplete(double x) {
        incomplete.add(x);
    }

    boolean isEmpty() {
        return lines.isEmpty() && failed.isEmpty() && incomplete.isEmpty();
    }

    XYChart chart() {
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        int legendEntries = lines.size() + (flagged.isEmpty() ? 0 : 1) + (failed.isEmpty() ? 0 : 1)
                + (incomplete.isEmpty() ? 0 : 1) + references.size();
        ChartStyle.apply(chart, legendEntries);

        List<Double> bottom = new ArrayList<>(failed);
        bottom.addAll(incomplete);
        double[] xRange = range(xScale, lines.stream().map(Line::x).toList(), bottom);
        List<Double> intervalEnds = Stream.concat(intervals.stream().flatMap(i -> Stream.of(i.low(), i.high())),
                references.stream().map(Reference::y)).toList();
        double[] yRange = range(yScale, lines.stream().map(Line::y).toList(), intervalEnds);
        chart.getStyler().setXAxisMin(xRange[0]).setXAxisMax(xRange[1]).setYAxisMin(yRange[0]).setYAxisMax(yRange[1]);
        chart.setCustomXAxisTickLabelsFormatter(position -> tickLabel(xScale, position));
        chart.setCustomYAxisTickLabelsFormatter(position -> tickLabel(yScale, position));

        for (Line line : lines) {
            if (Arrays.stream(positions(yScale, line.y())).allMatch(Double::isNaN)) {
                continue;
            }
            XYSeries series = chart.addSeries(line.name(), positions(xScale, line.x()), positions(yScale, line.y()));
            Color colour = ChartStyle.modelColour(line.modelIndex());
            series.setLineColor(colour).setLineWidth(2f);
            series.setMarkerColor(colour);
            series.setMarker(line.markers() ? ChartStyle.modelMarker(line.modelIndex()) : SeriesMarkers.NONE);
            if (line.dashed()) {
                series.setLineStyle(SeriesLines.DASH_DASH);
            }
        }
        for (int i = 0; i < intervals.size(); i++) {
            Interval interval = intervals.get(i);
            double x = xScale.position(interval.x());
            double[] y = {yScale.position(interval.low()), yScale.position(interval.high())};
            if (Double.isNaN(x) || Double.isNaN(y[0]) || Double.isNaN(y[1])) {
                continue;
            }
            XYSeries series = chart.addSeries("95% interval " + (i + 1), new double[] {x, x}, y);
            series.setLineColor(ChartStyle.modelColour(interval.modelIndex())).setLineWidth(1f);
            series.setMarker(SeriesMarkers.NONE);
            series.setShowInLegend(false);
        }
        for (Reference reference : references) {
            double y = yScale.position(reference.y());
            if (!Double.isNaN(y)) {
                XYSeries series = chart.addSeries(reference.name(), new double[] {xRange[0], xRange[1]},
                        new double[] {y, y});
                series.setLineColor(ChartStyle.FLAGGED).setLineWidth(1.5f).setLineStyle(SeriesLines.DASH_DASH);
                series.setMarker(SeriesMarkers.NONE);
            }
        }
        // A flagged value the y scale cannot show (zero on a log axis) has no point to mark.
        List<double[]> marks = flagged.stream().map(p -> new double[] {xScale.position(p[0]), yScale.position(p[1])})
                .filter(p -> !Double.isNaN(p[0]) && !Double.isNaN(p[1])).toList();
        if (!marks.isEmpty()) {
            overlay(chart, "flagged run", SeriesMarkers.TRIANGLE_UP, ChartStyle.FLAGGED,
                    marks.stream().mapToDouble(p -> p[0]).toArray(), marks.stream().mapToDouble(p -> p[1]).toArray());
        }
        if (!failed.isEmpty()) {
            overlay(chart, "failed run (no data)", SeriesMarkers.CROSS, ChartStyle.FAILED,
                    failed.stream().mapToDouble(xScale::position).toArray(),
                    failed.stream().mapToDouble(x -> yRange[0]).toArray());
        }
        if (!incomplete.isEmpty()) {
            overlay(chart, "latency incomplete (not drawn)", SeriesMarkers.DIAMOND, ChartStyle.FLAGGED,
                    incomplete.stream().mapToDouble(xScale::position).toArray(),
                    incomplete.stream().mapToDouble(x -> yRange[0]).toArray());
        }
        return chart;
    }

    private static void overlay(XYChart chart, String name, Marker marker, Color colour,
                                double[] x, double[] y) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(marker).setMarkerColor(colour);
    }

    /**
     * The scale's label, or a space for a tick it leaves unlabelled (the percentile axis between its nines): XChart
     * 3.8.8 lays every tick label out with {@code TextLayout}, which throws on an empty string, and prints a null as
     * "null". An empty label from the connection axis once took the whole report down.
     */
    private static String tickLabel(Scale scale, double position) {
        String label = scale.label(position);
        return label.isEmpty() ? " " : label;
    }

    private static double[] positions(Scale scale, double[] values) {
        double[] positions = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            positions[i] = Double.isNaN(values[i]) ? Double.NaN : scale.position(values[i]);
        }
        return positions;
    }

    /** The axis range over every drawable value; a sensible default when there is none (only failed runs). */
    private static double[] range(Scale scale, List<double[]> series, List<Double> extra) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        List<Double> values = new ArrayList<>(extra);
        series.forEach(s -> {
            for (double v : s) {
                values.add(v);
            }
        });
        for (double value : values) {
            double position = Double.isNaN(value) ? Double.NaN : scale.position(value);
            if (!Double.isNaN(position)) {
                low = Math.min(low, position);
                high = Math.max(high, position);
            }
        }
        if (low > high) {
            low = scale.position(1);
            high = scale.position(10);
        }
        if (Double.isNaN(low) || Double.isNaN(high)) {
            low = 0;
            high = 1;
        }
        return scale.range(low, high);
    }
}
