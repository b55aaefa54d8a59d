package io.iobench.statistics;

/**
 * What a {@link Comparison} of two sets concludes about one figure. A change is called only when the ratio's
 * 95% interval excludes 1; the U test's p-value is reported beside it, not used to decide, since with the few
 * repetitions a sweep affords it often cannot reach significance at all.
 */
public enum Verdict {

    /** The interval excludes 1, on the better side for this figure. */
    IMPROVED("improved"),
    /** The interval excludes 1, on the worse side for this figure. */
    REGRESSED("regressed"),
    /** The interval holds 1: the sets are not distinguishable in this figure. */
    NO_SIGNIFICANT_CHANGE("no significant change"),
    /** A side has fewer than {@link PointEstimate#MIN_REPETITIONS} repetitions: no significance can be given. */
    TOO_FEW_REPETITIONS("too few repetitions"),
    /** A's values include zero (an idle model's CPU, say), so B's median is no multiple of A's. */
    NO_RATIO("no ratio");

    private final String words;

    Verdict(String words) {
        this.words = words;
    }

    /** @return the verdict as a report prints it, such as {@code no significant change} */
    public String words() {
        return words;
    }

    /** @return whether the verdict tells the two sets apart */
    public boolean isChange() {
        return this == IMPROVED || this == REGRESSED;
    }
}
