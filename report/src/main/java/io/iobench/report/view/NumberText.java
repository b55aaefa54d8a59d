package io.iobench.report.view;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How numbers read in tables and titles: counts with thousands separators ({@code 123,457}), measurements to three
 * significant digits ({@code 45.7}, {@code 0.0123}, {@code 1,235}), never in exponent notation, and an em dash for a
 * value that was not measured. Three digits is what a single run supports; more would only print noise.
 */
public final class NumberText {

    /** What a table shows for a value that is absent or null in the result. */
    public static final String MISSING = "—";

    private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_EVEN);

    private NumberText() {
    }

    /** A metric's value as its column shows it; {@link #MISSING} for null. */
    public static String of(Metric metric, Double value) {
        return value == null ? MISSING : format(value, metric.whole());
    }

    /** A whole number with separators, or three significant digits. */
    public static String format(double value, boolean whole) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return MISSING;
        }
        if (whole || Math.abs(value) >= 1000) {
            return String.format(Locale.ROOT, "%,d", Math.round(value));
        }
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value).round(THREE_DIGITS).stripTrailingZeros().toPlainString();
    }

    /** A ratio such as {@code 1.23×}. */
    public static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    /** A message size: {@code 64 B}, {@code 16 KiB}, {@code 1 MiB}, or bytes when not a whole multiple. */
    public static String bytes(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return String.format(Locale.ROOT, "%,d B", bytes);
    }
}
