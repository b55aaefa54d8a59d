package io.iobench.sweep.capacity;

import io.iobench.options.UsageException;
import io.iobench.results.CapacityFile;
import io.iobench.results.RunResult;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A latency objective, {@code --slo p99=1ms}: the corrected latency (from the intended send time, so a server that
 * falls behind its schedule pays for every message it delayed) at a percentile within a bound. A probe meets it when
 * that percentile is within the bound, at least {@value #MIN_ACHIEVED_RATIO} of the target rate was echoed, no
 * error was counted, and the client was not the limit ({@link #judge}).
 *
 * <p>The percentile is written as the report writes it: {@code p50}, {@code p99}, {@code p99.9}; {@code p999} and
 * {@code p9999} are 99.9 and 99.99, as the result's fields are named. The bound is a duration: {@code 1ms},
 * {@code 500us}, {@code 0.5ms}.
 *
 * @param text       as given, e.g. {@code p99=1ms}
 * @param percentile above 0 and under 100
 * @param boundUs    above 0, µs
 */
public record Objective(String text, double percentile, double boundUs) {

    /** The share of the target rate a probe must echo to pass. */
    public static final double MIN_ACHIEVED_RATIO = 0.99;

    private static final Pattern FORM = Pattern.compile("p(\\d+(?:\\.\\d+)?)=(.*)");
    private static final Pattern BOUND = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s)");

    /**
     * @throws UsageException in one line, for a malformed objective: {@code p99=fast}, {@code p101=1ms},
     *                        {@code p99=-1ms}
     */
    public static Objective parse(String option, String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher form = FORM.matcher(trimmed);
        if (!form.matches()) {
            throw new UsageException(option + " takes PERCENTILE=BOUND such as p99=1ms or p99.9=5ms, got '" + text
                    + "'");
        }
        double percentile = percentile(form.group(1));
        if (!(percentile > 0 && percentile < 100)) {
            throw new UsageException(option + " percentile must be above 0 and under 100, got p" + form.group(1)
                    + " in '" + text + "'");
        }
        Matcher bound = BOUND.matcher(form.group(2));
        if (!bound.matches()) {
            throw new UsageException(option + " bound must be a positive duration such as 1ms or 500us, got '"
                    + form.group(2) + "' in '" + text + "'");
        }
        double boundUs = new BigDecimal(bound.group(1)).doubleValue() * switch (bound.group(2)) {
            case "ns" -> 0.001;
            case "us", "µs" -> 1.0;
            case "ms" -> 1000.0;
            default -> 1_000_000.0;
        };
        if (!(boundUs > 0)) {
            throw new UsageException(option + " bound must be above 0, got '" + form.group(2) + "' in '" + text
                    + "'");
        }
        return new Objective(trimmed, percentile, boundUs);
    }

    /** {@code 99} is 99, {@code 99.9} is 99.9, and {@code 999}, {@code 9999} are 99.9 and 99.99. */
    private static double percentile(String digits) {
        if (!digits.contains(".") && digits.length() > 2 && digits.chars().allMatch(c -> c == '9')) {
            return Double.parseDouble("99." + digits.substring(2));
        }
        return Double.parseDouble(digits);
    }

    /** The percentile as the report names it: {@code p99}, {@code p99.9}. */
    public String percentileName() {
        return "p" + BigDecimal.valueOf(percentile).stripTrailingZeros().toPlainString();
    }

    /** The objective in the report's words: {@code p99 ≤ 1 ms}. */
    public String title() {
        String bound = boundUs >= 1000 ? plain(boundUs / 1000) + " ms" : plain(boundUs) + " µs";
        return percentileName() + " ≤ " + bound;
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * The corrected latency at this percentile that {@code result} recorded, where it has a field for it
     * (p50, p90, p99, p99.9, p99.99); empty otherwise, and when it has no corrected latency.
     */
    public OptionalDouble recordedUs(RunResult result) {
        if (result.latencyUs() == null || result.latencyUs().corrected() == null) {
            return OptionalDouble.empty();
        }
        RunResult.Latency latency = result.latencyUs().corrected();
        if (percentile == 50) {
            return OptionalDouble.of(latency.p50());
        } else if (percentile == 90) {
            return OptionalDouble.of(latency.p90());
        } else if (percentile == 99) {
            return OptionalDouble.of(latency.p99());
        } else if (percentile == 99.9) {
            return OptionalDouble.of(latency.p999());
        } else if (percentile == 99.99) {
            return OptionalDouble.of(latency.p9999());
        }
        return OptionalDouble.empty();
    }

    /**
     * What a probe at {@code targetMsgsPerS} says against this objective, its latency at the percentile being
     * {@code latencyUs} (empty when it was not measured). Failures come first, then errors, then the client at its
     * limit, then the rate, then the latency: the first that applies is the verdict.
     */
    public Verdict judge(RunResult result, long targetMsgsPerS, OptionalDouble latencyUs) {
        RunResult.RunFlags flags = result.flags();
        if (flags.failed() || result.throughput() == null) {
            return Verdict.FAILED;
        }
        if (flags.corrupt() || (result.errors() != null && result.errors().total() > 0)) {
            return Verdict.ERRORS;
        }
        if (flags.clientBound()) {
            return Verdict.CLIENT_BOUND;
        }
        if (result.throughput().msgsPerS() < MIN_ACHIEVED_RATIO * targetMsgsPerS) {
            return Verdict.RATE_MISSED;
        }
        if (latencyUs.isEmpty() || latencyUs.getAsDouble() > boundUs) {
            return Verdict.OBJECTIVE;
        }
        return Verdict.MET;
    }

    /** As capacity.json records it. */
    public CapacityFile.Objective toFile() {
        return new CapacityFile.Objective(text, percentile, boundUs, MIN_ACHIEVED_RATIO);
    }
}
