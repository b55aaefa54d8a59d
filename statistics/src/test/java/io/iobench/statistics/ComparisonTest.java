package io.iobench.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static final long SEED = 13;

    @Test
    void twentyPercentMoreThroughputWithSmallSpreadIsAnImprovement() {
        SplittableRandom random = new SplittableRandom(1);
        Sample before = Repetitions.normal(random, 5, 100_000, 0.02);
        Sample after = Repetitions.normal(random, 5, 120_000, 0.02);

        Comparison comparison = Comparison.of(Figure.MSGS_PER_S, before, after, SEED);

        assertThat(comparison.verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(comparison.ratio()).isBetween(1.1, 1.3);
        assertThat(comparison.bootstrap().orElseThrow().interval().contains(1)).isFalse();
        assertThat(comparison.uTest().pTwoSided()).as("five apart from five").isLessThan(0.05);
        assertThat(comparison.note()).isEmpty();
    }

    @Test
    void twentyPercentMoreLatencyIsARegression() {
        SplittableRandom random = new SplittableRandom(2);
        Sample before = Repetitions.normal(random, 5, 850, 0.02);
        Sample after = Repetitions.normal(random, 5, 1_020, 0.02);

        assertThat(Comparison.of(Figure.P99_US, before, after, SEED).verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(Comparison.of(Figure.P99_US, after, before, SEED).verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(Comparison.of(Figure.SERVER_CPU_US_PER_MSG, before, after, SEED).verdict())
                .isEqualTo(Verdict.REGRESSED);
    }

    @Test
    void twoSetsFromOneDistributionShowNoSignificantChange() {
        SplittableRandom random = new SplittableRandom(3);
        Sample a = Repetitions.normal(random, 5, 100_000, 0.03);
        Sample b = Repetitions.normal(random, 5, 100_000, 0.03);

        Comparison comparison = Comparison.of(Figure.MSGS_PER_S, a, b, SEED);

        assertThat(comparison.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_CHANGE);
        assertThat(comparison.summary()).endsWith("no significant change");
    }

    @Test
    void setsFromOneDistributionAreRarelyCalledChangedFromFiveRepetitionsOn() {
        // Measured with these seeds: 27 of 1,000 pairs of five, under the nominal 5%.
        assertThat(calledChanged(5, 1_000)).isLessThan(50);
    }

    @Test
    void threeRepetitionsASideAreCalledChangedMoreOftenThanTheNominalFivePercent() {
        // The percentile bootstrap over three repetitions covers less than its nominal 95%: a resampled median can
        // only be one of three values. Measured with these seeds: 108 of 1,000 pairs, the rate the package says.
        assertThat(calledChanged(3, 1_000)).isBetween(50, 150);
    }

    /** @return how many of {@code pairs} pairs of sets from one distribution a comparison calls changed */
    private static int calledChanged(int repetitions, int pairs) {
        SplittableRandom random = new SplittableRandom(4);
        int changed = 0;
        for (int i = 0; i < pairs; i++) {
            Sample a = Repetitions.normal(random, repetitions, 100_000, 0.03);
            Sample b = Repetitions.normal(random, repetitions, 100_000, 0.03);
            if (Comparison.of(Figure.MSGS_PER_S, a, b, i).verdict().isChange()) {
                changed++;
            }
        }
        return changed;
    }

    @Test
    void oneRepetitionPerSideGivesTheRatioButNoSignificance() {
        Comparison comparison = Comparison.of(Figure.MSGS_PER_S, Sample.of(100_000), Sample.of(150_000), SEED);

        assertThat(comparison.verdict()).isEqualTo(Verdict.TOO_FEW_REPETITIONS);
        assertThat(comparison.ratio()).isEqualTo(1.5);
        assertThat(comparison.bootstrap()).isEmpty();
        assertThat(comparison.note()).contains("one repetition per side: no significance can be given (a verdict "
                + "needs 3 a side)");
        assertThat(comparison.summary()).startsWith("1.50×, U p = 1.0 (exact), too few repetitions; one repetition");
    }

    @Test
    void threeRepetitionsPerSideAreJudgedByTheIntervalSinceTheUTestCannotReachFivePercent() {
        Comparison comparison = Comparison.of(Figure.MSGS_PER_S, Sample.of(100_000, 101_000, 99_500),
                Sample.of(120_000, 121_500, 119_000), SEED);

        assertThat(comparison.verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(comparison.uTest().pTwoSided()).isCloseTo(0.1, within(1e-12));
        assertThat(comparison.note()).contains("with 3 repetitions per side a U test cannot reach p < 0.05 (its "
                + "smallest two-sided p is 0.1): the interval of the ratio decides");
    }

    @Test
    void aReferenceOfZeroHasNoRatio() {
        Comparison comparison = Comparison.of(Figure.IDLE_CPU_CORES, Sample.of(0, 0, 0.001),
                Sample.of(0.002, 0.001, 0.003), SEED);

        assertThat(comparison.verdict()).isEqualTo(Verdict.NO_RATIO);
        assertThat(comparison.ratio()).isNaN();
        assertThat(comparison.summary()).startsWith("no ratio, U p = ");
    }

    @Test
    void theSameSeedGivesTheSameVerdictAndSummary() {
        SplittableRandom random = new SplittableRandom(5);
        Sample a = Repetitions.normal(random, 5, 100_000, 0.05);
        Sample b = Repetitions.normal(random, 5, 104_000, 0.05);

        assertThat(Comparison.of(Figure.MSGS_PER_S, a, b, SEED).summary())
                .isEqualTo(Comparison.of(Figure.MSGS_PER_S, a, b, SEED).summary());
    }

    @Test
    void aHeadlineSaysWhetherTwoModelsAreDistinguishable() {
        Sample nettyEpoll = Sample.of(100_000, 103_000, 97_000, 101_000, 99_000);
        Sample selector = Sample.of(104_000, 108_000, 98_000, 106_000, 102_000);
        Sample busyPoll = Sample.of(60_000, 61_000, 59_000, 60_500, 59_500);

        assertThat(Comparison.of(Figure.MSGS_PER_S, nettyEpoll, selector, SEED)
                .headline("selector", "netty-epoll", "at 100 connections"))
                .matches("selector vs netty-epoll at 100 connections: 1\\.04× \\[0\\.\\d\\d, 1\\.\\d\\d], "
                        + "not distinguishable");
        assertThat(Comparison.of(Figure.MSGS_PER_S, nettyEpoll, busyPoll, SEED)
                .headline("busy-poll", "netty-epoll", "at 100 connections"))
                .matches("busy-poll vs netty-epoll at 100 connections: 0\\.60× \\[0\\.\\d\\d, 0\\.\\d\\d], "
                        + "distinguishable");
    }
}
