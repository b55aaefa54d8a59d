package io.iobench.options;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the quantities users type: durations ({@code 500ms}, {@code 10s}, {@code 2m}; also {@code us}, {@code ns}), byte sizes ({@code 64},
 * {@code 1k}, {@code 16KiB}, {@code 1m}; binary multiples), counts ({@code 10000}, {@code 10k}), percentages
 * ({@code 5%}) and comma lists of them. Every failure is a {@link UsageException} naming the option and the text.
 */
public final class Quantities {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s|m|h)?");
    private static final Map<String, Long> NANOS_PER = Map.of("ns", 1L, "us", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
    private static final Pattern SIZE = Pattern.compile("(\\d+)(b|k|kb|kib|m|mb|mib)?");
    private static final Pattern COUNT = Pattern.compile("(\\d+)(k|m)?");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)%?");

    private Quantities() {
    }

    /** A duration; a bare number is seconds. */
    public static Duration parseDuration(String option, String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageException(option + " takes a duration such as 500ms, 10s or 2m, got '" + text + "'");
        }
        long scale = NANOS_PER.get(m.group(2) == null ? "s" : m.group(2));
        BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(scale));
        try {
            return Duration.ofNanos(nanos.setScale(0, RoundingMode.HALF_UP).longValueExact());
        } catch (ArithmeticException e) {
            throw new UsageException(option + " is too long: " + text);
        }
    }

    /**
     * A duration as users type it and {@link #parseDuration} reads it back exactly: {@code 0}, {@code 2s},
     * {@code 500ms}, {@code 250us}, {@code 10ns}, in the largest unit that holds it whole.
     */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0";
        }
        for (String unit : List.of("s", "ms", "us")) {
            long scale = NANOS_PER.get(unit);
            if (nanos % scale == 0) {
                return nanos / scale + unit;
            }
        }
        return nanos + "ns";
    }

    /** A size in bytes with optional binary multiple: 64, 1k, 16KiB, 1m. */
    public static long parseBytes(String option, String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageException(option + " takes a size in bytes such as 64, 1k or 1m, got '" + text + "'");
        }
        long value = parseLong(option, m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        return multiply(option, text, value, switch (unit) {
            case "b" -> 1L;
            case "k", "kb", "kib" -> 1024L;
            default -> 1024L * 1024L;
        });
    }

    /** A non-negative count with optional decimal multiple: 100, 10k, 1m. */
    public static long parseCount(String option, String text) {
        Matcher m = COUNT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageException(option + " takes a whole number such as 100 or 10k, got '" + text + "'");
        }
        long value = parseLong(option, m.group(1));
        String unit = m.group(2);
        return multiply(option, text, value, unit == null ? 1L : unit.equals("k") ? 1000L : 1_000_000L);
    }

    /** A percentage, with or without its sign: {@code 5%}, {@code 2.5%}, {@code 5}. */
    public static double parsePercent(String option, String text) {
        Matcher m = PERCENT.matcher(text.trim());
        if (!m.matches()) {
            throw new UsageException(option + " takes a percentage such as 5% or 2.5%, got '" + text + "'");
        }
        return Double.parseDouble(m.group(1));
    }

    /** Splits {@code a,b,c}, trimming blanks; an empty list is a usage error. */
    public static List<String> parseList(String option, String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        if (items.isEmpty()) {
            throw new UsageException(option + " takes a comma-separated list, got '" + text + "'");
        }
        return items;
    }

    private static long multiply(String option, String text, long value, long unit) {
        try {
            return Math.multiplyExact(value, unit);
        } catch (ArithmeticException e) {
            throw new UsageException(option + " is too large: " + text);
        }
    }

    private static long parseLong(String option, String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " is too large: " + digits);
        }
    }
}
