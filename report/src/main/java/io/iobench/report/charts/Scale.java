package io.iobench.report.charts;

/**
 * How values map to positions on an axis and how tick positions print. XChart lays ticks out linearly over
 * positions; a log scale therefore hands it {@code log10(value)} and prints {@code 10^position}.
 *
 * <p>XChart 3.8.8 decides where the ticks go and asks for their labels, with three rules a scale has to live with.
 * It keeps a layout only if no two of its labels are equal, one tick beyond each end of the axis included, and
 * widens its steps until that holds: a scale should print different positions differently, or XChart may widen
 * forever. It draws no tick at all when the axis's two ends print alike. And it cannot draw an empty label, which
 * {@link XyPlot} therefore turns into a space.
 */
interface Scale {

    /** The position of a value; NaN when the value cannot be drawn on this scale (zero on a log axis). */
    double position(double value);

    /**
     * The label of a tick at {@code position}, different for every position a tick grid can hit; empty for a tick
     * that should stay unlabelled, which XChart tolerates once per layout.
     */
    String label(double position);

    /** The axis range, as positions, for data spanning {@code [low, high]} positions, with room for markers. */
    double[] range(double low, double high);
}
