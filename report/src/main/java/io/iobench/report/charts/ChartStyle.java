package io.iobench.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The look shared by every chart: white ground, light solid grid, one colour and marker per model that stays the same
 * across every chart of a report. Red and the ▲ and × markers are kept for failed and flagged runs.
 */
final class ChartStyle {

    /** Nominal size; the PNG is drawn at twice this, the SVG scales. */
    static final int WIDTH = 820;
    static final int HEIGHT = 460;

    /** Failed runs: a red × at the bottom of the plot. */
    static final Color FAILED = new Color(0xD62728);
    /** Flagged runs: a black ▲ on the point. */
    static final Color FLAGGED = new Color(0x222222);

    /**
     * Tableau's palette without its red, which would read as "failed", and a dark teal for a tenth model: every
     * model of the default sweep has a colour of its own.
     */
    private static final Color[] MODEL_COLOURS = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0x59A14F), new Color(0xB07AA1), new Color(0x76B7B2),
        new Color(0xEDC948), new Color(0x9C755F), new Color(0xFF9DA7), new Color(0xBAB0AC), new Color(0x1B5E5A),
    };
    private static final Marker[] MODEL_MARKERS = {
        SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_DOWN,
        SeriesMarkers.OVAL, SeriesMarkers.TRAPEZOID,
    };

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private ChartStyle() {
    }

    static Color modelColour(int modelIndex) {
        return MODEL_COLOURS[modelIndex % MODEL_COLOURS.length];
    }

    static Marker modelMarker(int modelIndex) {
        return MODEL_MARKERS[modelIndex % MODEL_MARKERS.length];
    }

    static void apply(XYChart chart, int legendEntries) {
        axes(chart.getStyler(), legendEntries);
        chart.getStyler().setMarkerSize(7);
    }

    static void apply(CategoryChart chart, int legendEntries) {
        axes(chart.getStyler(), legendEntries);
        chart.getStyler().setAvailableSpaceFill(0.8).setPlotGridVerticalLinesVisible(false);
    }

    private static void axes(AxesChartStyler styler, int legendEntries) {
        styler.setChartBackgroundColor(Color.WHITE)
                .setPlotBackgroundColor(Color.WHITE)
                .setPlotBorderVisible(false)
                .setChartTitleBoxVisible(false)
                .setChartTitleFont(TITLE)
                .setChartFontColor(new Color(0x1F2328))
                .setChartPadding(12);
        styler.setAxisTitleFont(AXIS_TITLE)
                .setAxisTickLabelsFont(TICKS)
                .setAxisTickLabelsColor(new Color(0x3D444D))
                .setAxisTickMarksColor(new Color(0x8C959F))
                .setPlotGridLinesColor(new Color(0xE4E7EB))
                .setPlotGridLinesStroke(new BasicStroke(0.8f))
                .setPlotMargin(8);
        // A legend below the plot keeps it wide; past five entries it would overflow, so it moves to the side.
        styler.setLegendFont(LEGEND)
                .setLegendBorderColor(Color.WHITE)
                .setLegendPosition(legendEntries <= 5 ? Styler.LegendPosition.OutsideS : Styler.LegendPosition.OutsideE)
                .setLegendLayout(legendEntries <= 5 ? Styler.LegendLayout.Horizontal : Styler.LegendLayout.Vertical);
        styler.setErrorBarsColor(new Color(0x1F2328));
    }
}
