package io.iobench.statistics;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The distribution-free confidence interval for a median. Each repetition falls below the true median with
 * probability ½, so the number that do is binomial(n, ½), whatever the figure's distribution; the interval
 * from the r-th smallest to the r-th largest value misses the median only when fewer than r fall on one side:
 * its coverage is 1 − 2·P(B ≤ r − 1). The widest r whose coverage still reaches 95% is taken; when even the
 * full range [min, max] cannot reach it (n ≤ 5: 93.75% at n = 5), that range is given with the coverage it has.
 * Ties between repetitions only widen the true coverage.
 */
final class MedianInterval {

    /** The coverage sought. */
    static final double TARGET_COVERAGE = 0.95;

    private MedianInterval() {
    }

    /**
     * @param sample at least {@link PointEstimate#MIN_REPETITIONS} values
     * @return the interval from the chosen pair of order statistics, with its exact coverage
     */
    static ConfidenceInterval of(Sample sample) {
        int n = sample.size();
        // No random numbers are drawn: the distribution only answers cumulative probabilities.
        BinomialDistribution below = new BinomialDistribution(null, n, 0.5);
        int rank = 1;
        while (rank + 1 <= (n + 1) / 2 && coverage(below, rank + 1) >= TARGET_COVERAGE) {
            rank++;
        }
        return new ConfidenceInterval(sample.orderStatistic(rank), sample.orderStatistic(n + 1 - rank),
                coverage(below, rank), ConfidenceInterval.Method.ORDER_STATISTICS);
    }

    private static double coverage(BinomialDistribution below, int rank) {
        return 1 - 2 * below.cumulativeProbability(rank - 1);
    }
}
