package io.iobench.results;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems of one file's values, each naming its field as the file spells it, for one warning:
 * {@code throughput.msgs_per_s is -78533, must be >= 0}. A null value passes every check: where the schema lets a
 * figure be null, the type of the field already says so (see {@link JsonTypeCheck}).
 */
final class FieldCheck {

    /** A warning spells out this many problems and counts the rest: the first already names the file as damaged. */
    private static final int SHOWN = 3;

    private final List<String> problems = new ArrayList<>();

    /** {@code value} is a finite number of at least {@code min}. */
    void atLeast(String field, Number value, double min) {
        if (finite(field, value) && value.doubleValue() < min) {
            problems.add(field + " is " + text(value) + ", must be >= " + text(min));
        }
    }

    /** {@code value} is a finite number from {@code min} to {@code max}. */
    void within(String field, Number value, double min, double max) {
        if (finite(field, value) && (value.doubleValue() < min || value.doubleValue() > max)) {
            problems.add(field + " is " + text(value) + ", must be from " + text(min) + " to " + text(max));
        }
    }

    /** {@code value} is finite, of any sign. */
    boolean finite(String field, Number value) {
        if (value == null) {
            return false;
        }
        if (!Double.isFinite(value.doubleValue())) {
            problems.add(field + " is " + value + ", must be a finite number");
            return false;
        }
        return true;
    }

    /** {@code part} is at most {@code whole}, e.g. the lower-bound samples of a histogram at most its count. */
    void atMost(String partField, long part, String wholeField, long whole) {
        if (part > whole && whole >= 0) {
            problems.add(partField + " is " + part + ", more than " + wholeField + " " + whole);
        }
    }

    /**
     * Percentiles of one histogram never decrease: {@code names[i]} under {@code prefix} is at least
     * {@code names[i - 1]}. Negative values are left to {@link #atLeast}, which names them.
     */
    void ascending(String prefix, String[] names, long[] values) {
        for (int i = 1; i < values.length; i++) {
            if (values[i] >= 0 && values[i - 1] >= 0 && values[i] < values[i - 1]) {
                problems.add(prefix + "." + names[i] + " is " + values[i] + ", below " + names[i - 1] + " "
                        + values[i - 1] + ": percentiles never decrease");
            }
        }
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /** The problems as one line: the first few, then how many more. */
    static String describe(List<String> problems) {
        String shown = String.join("; ", problems.subList(0, Math.min(SHOWN, problems.size())));
        return problems.size() <= SHOWN ? shown : shown + "; and " + (problems.size() - SHOWN) + " more";
    }

    /** A whole number without a decimal point, so the warning quotes -78533 as the file wrote it. */
    private static String text(Number value) {
        double d = value.doubleValue();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : value.toString();
    }
}
