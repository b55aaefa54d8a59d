package io.iobench.statistics;

import java.util.Optional;

/**
 * What the repetitions of one point say about one figure: the median, the range, and a confidence interval for
 * the median when there are enough repetitions to give one. The interval is the distribution-free
 * order-statistic interval (see {@link ConfidenceInterval.Method#ORDER_STATISTICS}): it assumes nothing about
 * the figure's distribution, draws no random numbers, and states its exact coverage, which for a handful of
 * repetitions is below 95% (n = 5 gives [min, max] at 93.75%). With fewer than {@link #MIN_REPETITIONS} there is
 * no interval, and {@link #whyNoInterval()} says so rather than inventing one.
 *
 * <pre>
 * PointEstimate e = PointEstimate.of(Sample.of(139_140, 137_902, 140_311, 138_650, 139_877));
 * e.median();                      // 139_140
 * e.interval().get().coverage();   // 0.9375, [137_902, 140_311]
 * </pre>
 */
public final class PointEstimate {

    /** The fewest repetitions an interval, or a comparison, is given for: two values bound nothing at 50%. */
    public static final int MIN_REPETITIONS = 3;

    private final Sample sample;
    private final ConfidenceInterval interval;

    private PointEstimate(Sample sample, ConfidenceInterval interval) {
        this.sample = sample;
        this.interval = interval;
    }

    /**
     * @param sample the figure's value in each repetition of the point
     * @return its median and range, with the median's order-statistic interval from {@link #MIN_REPETITIONS}
     *         repetitions on
     */
    public static PointEstimate of(Sample sample) {
        return new PointEstimate(sample, sample.size() >= MIN_REPETITIONS ? MedianInterval.of(sample) : null);
    }

    /** @return the per-repetition values the estimate was made from, kept so their spread stays visible */
    public Sample sample() {
        return sample;
    }

    /** @return how many repetitions gave a value */
    public int repetitions() {
        return sample.size();
    }

    /** @return the median over the repetitions */
    public double median() {
        return sample.median();
    }

    /** @return the smallest value of any repetition */
    public double min() {
        return sample.min();
    }

    /** @return the largest value of any repetition */
    public double max() {
        return sample.max();
    }

    /** @return the median's confidence interval, or empty when the repetitions are too few to give one */
    public Optional<ConfidenceInterval> interval() {
        return Optional.ofNullable(interval);
    }

    /** @return why there is no interval, as a report would print it, or empty when there is one */
    public Optional<String> whyNoInterval() {
        return interval != null ? Optional.empty()
                : Optional.of("too few repetitions (" + sample.size() + "; an interval needs " + MIN_REPETITIONS
                        + ")");
    }

    @Override
    public String toString() {
        String range = "median " + median() + ", min " + min() + ", max " + max() + ", n=" + repetitions();
        return interval == null ? range + ", " + whyNoInterval().orElseThrow()
                : range + ", [" + interval.low() + ", " + interval.high() + "] at " + interval.coverage() * 100
                        + "% (" + interval.method().description() + ")";
    }
}
