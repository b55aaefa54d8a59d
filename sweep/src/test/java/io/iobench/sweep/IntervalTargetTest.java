package io.iobench.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** {@code --until-ci}: met when the median's 95% interval lies within the target, and never on less than 95%. */
class IntervalTargetTest {

    private static final IntervalTarget FIVE_PERCENT = new IntervalTarget(5.0);

    @Test
    void isMetByAnIntervalWithinTheTargetOnBothSides() {
        // Seven repetitions: [min, max] at 98.4%; the farther end, 101,000, is 1% above the median of 100,000.
        OptionalDouble reach = IntervalTarget.reachPct(List.of(99_500.0, 100_000.0, 101_000.0, 99_800.0, 100_200.0,
                99_900.0, 100_100.0));
        assertThat(reach).isPresent();
        assertThat(reach.getAsDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(FIVE_PERCENT.isMet(reach)).isTrue();
        assertThat(new IntervalTarget(0.5).isMet(reach)).isFalse();
    }

    @Test
    void isNotMetByAWideInterval() {
        OptionalDouble reach = IntervalTarget.reachPct(List.of(50_000.0, 150_000.0, 100_000.0, 60_000.0, 140_000.0,
                100_000.0));
        assertThat(reach.getAsDouble()).isCloseTo(50.0, within(1e-9));
        assertThat(FIVE_PERCENT.isMet(reach)).isFalse();
    }

    /* With five repetitions the widest interval, [min, max], covers 93.75%: identical values prove nothing yet. */
    @Test
    void isNotMetBeforeAnIntervalCovers95Percent() {
        assertThat(IntervalTarget.reachPct(List.of(100_000.0, 100_000.0, 100_000.0, 100_000.0, 100_000.0)))
                .isEmpty();
        assertThat(IntervalTarget.reachPct(List.of())).isEmpty();
        assertThat(FIVE_PERCENT.isMet(OptionalDouble.empty())).isFalse();
        assertThat(IntervalTarget.reachPct(List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0))).isEmpty();
    }
}
