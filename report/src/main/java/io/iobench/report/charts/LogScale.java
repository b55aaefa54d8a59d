package io.iobench.report.charts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * A base-10 log axis: equal steps are equal ratios, which is how latency and connection counts should be read.
 * Ticks are where XChart's linear layout puts them in log space, and print the value there to two significant
 * digits: for a range within a decade that gives 20, 25, 32, 40, 50, 63, 79, 100, the familiar preferred numbers.
 * Every tick is labelled, 3.2 on a connection axis included: a label is the value at its gridline, and XChart drops
 * all ticks of an axis whose two ends print alike (see {@link Scale}).
 */
final class LogScale implements Scale {

    private static final MathContext TWO_DIGITS = new MathContext(2);

    @Override
    public double position(double value) {
        return value > 0 ? Math.log10(value) : Double.NaN;
    }

    @Override
    public String label(double position) {
        BigDecimal value = new BigDecimal(Math.pow(10, position)).round(TWO_DIGITS).stripTrailingZeros();
        return value.compareTo(BigDecimal.valueOf(1000)) >= 0
                ? String.format(Locale.ROOT, "%,d", value.longValue())
                : value.toPlainString();
    }

    /**
     * The data and a little room beyond, so end markers are whole; and at least half to twice the middle, so a flat
     * line does not zoom into noise and a single connection count is drawn between half and twice itself (5, 10,
     * 20), where XChart puts the ticks when the data sit evenly between the ends.
     */
    @Override
    public double[] range(double low, double high) {
        double middle = (low + high) / 2;
        double half = (high - low) / 2;
        double reach = Math.max(half * 1.08 + 0.02, Math.log10(2));
        return new double[] {middle - reach, middle + reach};
    }
}
