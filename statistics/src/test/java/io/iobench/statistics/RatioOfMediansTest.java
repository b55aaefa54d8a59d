package io.iobench.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RatioOfMediansTest {

    private static final Sample BEFORE = Sample.of(100_000, 101_500, 99_200, 100_800, 98_900);
    private static final Sample AFTER = Sample.of(120_300, 119_100, 121_800, 118_700, 120_900);

    @Test
    void theRatioIsTheOtherSetsMedianOverTheReferences() {
        RatioOfMedians ratio = RatioOfMedians.bootstrap(BEFORE, AFTER, 1);

        assertThat(ratio.ratio()).isCloseTo(120_300.0 / 100_000, within(1e-12));
        assertThat(ratio.interval().method()).isEqualTo(ConfidenceInterval.Method.PERCENTILE_BOOTSTRAP);
        assertThat(ratio.interval().coverage()).isEqualTo(0.95);
        assertThat(ratio.resamples()).isEqualTo(RatioOfMedians.DEFAULT_RESAMPLES);
    }

    @Test
    void aTwentyPercentGainWithSmallSpreadGivesAnIntervalThatExcludesOne() {
        ConfidenceInterval interval = RatioOfMedians.bootstrap(BEFORE, AFTER, 1).interval();

        assertThat(interval.contains(1)).isFalse();
        assertThat(interval.contains(1.2)).isTrue();
        // Resamples only combine the repetitions' values: no ratio beyond the extreme pairs.
        assertThat(interval.low()).isGreaterThanOrEqualTo(118_700.0 / 101_500);
        assertThat(interval.high()).isLessThanOrEqualTo(121_800.0 / 98_900);
    }

    @Test
    void setsFromOneDistributionGiveAnIntervalThatHoldsOne() {
        SplittableRandom random = new SplittableRandom(2026);
        Sample a = Repetitions.normal(random, 5, 100_000, 0.03);
        Sample b = Repetitions.normal(random, 5, 100_000, 0.03);

        assertThat(RatioOfMedians.bootstrap(a, b, 7).interval().contains(1)).isTrue();
    }

    @Test
    void theSameSeedGivesTheSameIntervalAndAnotherSeedNearlyTheSame() {
        // Twenty repetitions a side, so that the interval's ends fall between resampled values and the seed shows.
        SplittableRandom random = new SplittableRandom(9);
        Sample a = Repetitions.normal(random, 20, 100_000, 0.03);
        Sample b = Repetitions.normal(random, 20, 120_000, 0.03);

        RatioOfMedians first = RatioOfMedians.bootstrap(a, b, 42);
        RatioOfMedians again = RatioOfMedians.bootstrap(a, b, 42);
        RatioOfMedians otherSeed = RatioOfMedians.bootstrap(a, b, 43);

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed.interval()).isNotEqualTo(first.interval());
        assertThat(otherSeed.seed()).isEqualTo(43);
        // Ten thousand resamples: another seed moves the ends by far less than 1%.
        assertThat(otherSeed.interval().low()).isCloseTo(first.interval().low(), within(0.002));
        assertThat(otherSeed.interval().high()).isCloseTo(first.interval().high(), within(0.002));
    }

    @Test
    void refusesAReferenceWithAZeroForNoResampledMedianMayBeZero() {
        assertThat(RatioOfMedians.definedFor(Sample.of(0, 1, 2), Sample.of(1, 2, 3))).isFalse();
        assertThat(RatioOfMedians.definedFor(Sample.of(1, 2, 3), Sample.of(0, 1, 2))).isTrue();
        assertThatThrownBy(() -> RatioOfMedians.bootstrap(Sample.of(0, 1, 2), Sample.of(1, 2, 3), 1))
                .hasMessageContaining("above zero");
        assertThatThrownBy(() -> RatioOfMedians.bootstrap(BEFORE, AFTER, 1, 10))
                .hasMessageContaining("at least 100 resamples");
    }
}
