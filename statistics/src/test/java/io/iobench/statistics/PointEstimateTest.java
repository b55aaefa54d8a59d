package io.iobench.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The median's order-statistic interval against coverages computed with scipy 1.17.1: the interval from the r-th
 * smallest to the r-th largest of n values covers the median with probability 1 − 2·P(B ≤ r − 1), where B is
 * binomial(n, ½), printed by
 * <pre>
 * python3 -c 'from scipy.stats import binom; [print(n, r, repr(1 - 2 * binom.cdf(r - 1, n, 0.5)))
 *     for n, r in [(3,1), (4,1), (5,1), (6,1), (10,2), (10,3), (20,6), (20,7)]]'
 * </pre>
 * which gives 0.75, 0.875, 0.9375, 0.96875, 0.978515625, 0.890625, 0.9586105346679688 and 0.8846817016601562.
 */
class PointEstimateTest {

    private static final double SCIPY = 1e-12;

    @Test
    void fiveRepetitionsGiveTheirFullRangeAtTheCoverageItHas() {
        PointEstimate estimate = PointEstimate.of(Sample.of(139_140, 137_902, 140_311, 138_650, 139_877));

        assertThat(estimate.median()).isEqualTo(139_140);
        assertThat(estimate.min()).isEqualTo(137_902);
        assertThat(estimate.max()).isEqualTo(140_311);
        ConfidenceInterval interval = estimate.interval().orElseThrow();
        assertThat(interval.low()).isEqualTo(137_902);
        assertThat(interval.high()).isEqualTo(140_311);
        assertThat(interval.coverage()).isCloseTo(0.9375, within(SCIPY));
        assertThat(interval.method()).isEqualTo(ConfidenceInterval.Method.ORDER_STATISTICS);
    }

    @Test
    void threeAndFourRepetitionsGiveTheirRangeAtWellUnderNinetyFivePercent() {
        assertThat(PointEstimate.of(Sample.of(1, 2, 3)).interval().orElseThrow().coverage())
                .isCloseTo(0.75, within(SCIPY));
        assertThat(PointEstimate.of(Sample.of(1, 2, 3, 4)).interval().orElseThrow().coverage())
                .isCloseTo(0.875, within(SCIPY));
    }

    @Test
    void sixRepetitionsAreTheFewestWhoseRangeReachesNinetyFivePercent() {
        ConfidenceInterval interval = PointEstimate.of(Sample.of(6, 5, 4, 3, 2, 1)).interval().orElseThrow();

        assertThat(interval.low()).isEqualTo(1);
        assertThat(interval.high()).isEqualTo(6);
        assertThat(interval.coverage()).isCloseTo(0.96875, within(SCIPY));
    }

    @Test
    void tenRepetitionsDropTheExtremesButNoMore() {
        // Ranks 3 and 8 would cover only 0.890625, under 95%.
        ConfidenceInterval interval = PointEstimate.of(ranks(10)).interval().orElseThrow();

        assertThat(interval.low()).isEqualTo(2);
        assertThat(interval.high()).isEqualTo(9);
        assertThat(interval.coverage()).isCloseTo(0.978515625, within(SCIPY));
    }

    @Test
    void twentyRepetitionsTakeTheSixthFromEachEnd() {
        // Ranks 7 and 14 would cover only 0.8846817016601562.
        ConfidenceInterval interval = PointEstimate.of(ranks(20)).interval().orElseThrow();

        assertThat(interval.low()).isEqualTo(6);
        assertThat(interval.high()).isEqualTo(15);
        assertThat(interval.coverage()).isCloseTo(0.9586105346679688, within(SCIPY));
    }

    @Test
    void fewerThanThreeRepetitionsGiveNoIntervalAndSayWhy() {
        PointEstimate two = PointEstimate.of(Sample.of(10, 12));

        assertThat(two.median()).isEqualTo(11);
        assertThat(two.interval()).isEmpty();
        assertThat(two.whyNoInterval()).contains("too few repetitions (2; an interval needs 3)");
        assertThat(two.toString()).contains("too few repetitions");
        assertThat(PointEstimate.of(Sample.of(10)).interval()).isEmpty();
    }

    @Test
    void keepsThePerRepetitionValuesBesideTheEstimate() {
        Sample sample = Sample.of(3, 1, 2);

        assertThat(PointEstimate.of(sample).sample()).isEqualTo(sample);
        assertThat(PointEstimate.of(sample).repetitions()).isEqualTo(3);
    }

    /** @return the values 1 to n, shuffled so the estimate has to sort them */
    private static Sample ranks(int n) {
        return Sample.of(IntStream.rangeClosed(1, n).map(i -> (i * 7) % n + 1).asDoubleStream().toArray());
    }
}
