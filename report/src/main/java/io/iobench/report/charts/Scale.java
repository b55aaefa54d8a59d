package io.iobench.report.charts;

/**
 * How values map to positions on an axis and how tick positions print. XChart lays ticks out linearly over
 * positions; a log scale therefore hands it {@code log10(value)} and prints {@code 10^position}.
 */
interface Scale {

    /** The position of a value; NaN when the value cannot be drawn on this scale (zero on a log axis). */
    double position(double value);

    /** The label of a tick at {@code position}; empty for a tick that should stay unlabelled. */
    String label(double position);

    /** The axis range, as positions, for data spanning {@code [low, high]} positions, with room for markers. */
    double[] range(double low, double high);
}
