/**
 * The charts of a report, drawn with XChart and written by {@link io.iobench.report.charts.ChartFiles} as PNG
 * ({@code BitmapEncoder}, at twice the nominal size for sharp text) and SVG ({@code VectorGraphicsEncoder}, through
 * VectorGraphics2D, which XChart brings along).
 *
 * <p>Log axes are drawn here rather than with XChart's own: XChart 3.8.8 labels a log axis only at powers of ten
 * (so a latency axis from 20 to 90 µs has no label at all), and its custom label formatter lays ticks out linearly
 * even on a log axis. So values are plotted as {@code log10(value)} on a linear axis whose tick labels print
 * {@code 10^tick} ({@link io.iobench.report.charts.LogScale}); the percentile axis plots {@code log10(1/(1-p))}, so
 * each whole tick is ten times rarer than the one before ({@link io.iobench.report.charts.PercentileScale}).
 *
 * <p>XChart chooses where ticks go and only asks for their labels; it keeps a layout only when no two labels are
 * equal, draws no tick when the axis's ends print alike, and cannot draw an empty label. {@link
 * io.iobench.report.charts.Scale} says what that asks of a scale. Idle connections, which start at 0, are drawn on
 * an axis of evenly spaced categories ({@link io.iobench.report.charts.CategoryScale}), and the captions say so.
 *
 * <p>A chart XChart cannot build or draw anyway is left out with a warning, never taking the report down with it
 * ({@link io.iobench.report.charts.ChartFiles}).
 *
 * <p>A failed run is never part of a line: its line has a gap there, and a red × sits at the bottom of the plot at
 * its connection count. A flagged run ({@code client_bound}, {@code rate_missed}) stays in its line, since it was
 * measured, under a black ▲. Every caption says so.
 *
 * <p>A sweep whose points ran more than once draws each point at the median of its repetitions, with the median's
 * 95% interval as a thin vertical line in the model's colour, where it has one. XChart's error bars are not used:
 * they are symmetric about the value, and an order-statistic interval is not, nor is any interval once a log axis
 * maps it.
 */
package io.iobench.report.charts;
