package io.iobench.sweep;

import io.iobench.statistics.ConfidenceInterval;
import io.iobench.statistics.PointEstimate;
import io.iobench.statistics.Sample;
import java.util.List;
import java.util.OptionalDouble;

/**
 * {@code --until-ci P%}, netperf's {@code -I}: a point has had enough repetitions when the 95% confidence interval
 * of its median msgs/s, over its clean repetitions, lies within ±P% of that median. The interval is
 * {@link PointEstimate}'s distribution-free order-statistic interval, and only one of at least 95% coverage counts:
 * with five repetitions or fewer the widest it can give, [min, max], covers less (93.75% at five), so a point
 * reaches its target at its sixth clean repetition at the earliest.
 *
 * <pre>
 * IntervalTarget target = new IntervalTarget(5.0);
 * OptionalDouble reach = IntervalTarget.reachPct(msgsPerSOfEachCleanRepetition);
 * target.isMet(reach);  // true when the interval's farther end is within 5% of the median
 * </pre>
 *
 * @param pct the half-width sought, percent of the median, above 0
 */
record IntervalTarget(double pct) {

    /** The coverage an interval must have to count. */
    static final double COVERAGE = 0.95;

    IntervalTarget {
        if (!(pct > 0 && pct < 100)) {
            throw new IllegalArgumentException("an interval target is a percentage above 0 and under 100, not " + pct);
        }
    }

    /**
     * @param msgsPerS the msgs/s of each clean repetition of the point
     * @return how far the farther end of the median's 95% interval lies from the median, percent of the median;
     *         empty when there is no such interval (too few repetitions) or the median is 0
     */
    static OptionalDouble reachPct(List<Double> msgsPerS) {
        if (msgsPerS.isEmpty()) {
            return OptionalDouble.empty();
        }
        PointEstimate estimate = PointEstimate.of(Sample.of(msgsPerS));
        ConfidenceInterval interval = estimate.interval().orElse(null);
        double median = estimate.median();
        if (interval == null || interval.coverage() < COVERAGE || !(median > 0)) {
            return OptionalDouble.empty();
        }
        double farther = Math.max(median - interval.low(), interval.high() - median);
        return OptionalDouble.of(100 * farther / median);
    }

    /** @return whether an interval reaching {@code reachPct} of the median is narrow enough */
    boolean isMet(OptionalDouble reachPct) {
        return reachPct.isPresent() && reachPct.getAsDouble() <= pct;
    }
}
