package io.iobench.report.charts;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A base-10 log axis: equal steps are equal ratios, which is how latency and connection counts should be read.
 * Ticks are where XChart's linear layout puts them in log space, and print the value there to two significant
 * digits: for a range within a decade that gives 20, 25, 32, 40, 50, 63, 79, 100, the familiar preferred numbers.
 */
final class LogScale implements Scale {

    private static final MathContext TWO_DIGITS = new MathContext(2);

    /** Tick values of less than ten that are not whole (3.2 connections) are left unlabelled. */
    private final boolean wholeNumbers;

    /** @param wholeNumbers whether the axis counts whole things, like connections */
    LogScale(boolean wholeNumbers) {
        this.wholeNumbers = wholeNumbers;
    }

    @Override
    public double position(double value) {
        return value > 0 ? Math.log10(value) : Double.NaN;
    }

    @Override
    public String label(double position) {
        BigDecimal value = new BigDecimal(Math.pow(10, position)).round(TWO_DIGITS).stripTrailingZeros();
        if (wholeNumbers && value.scale() > 0) {
            return "";
        }
        return value.compareTo(BigDecimal.valueOf(1000)) >= 0
                ? String.format(java.util.Locale.ROOT, "%,d", value.longValue())
                : value.toPlainString();
    }

    @Override
    public double[] range(double low, double high) {
        // At least a factor of two top to bottom, so a flat line does not zoom into noise; a little room beyond
        // the data so markers at the ends are not cut.
        double middle = (low + high) / 2;
        double half = Math.max((high - low) / 2, Math.log10(2) / 2);
        double pad = half * 0.08 + 0.02;
        return new double[] {middle - half - pad, middle + half + pad};
    }
}
