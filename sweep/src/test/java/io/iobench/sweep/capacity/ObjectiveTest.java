package io.iobench.sweep.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iobench.options.UsageException;
import org.junit.jupiter.api.Test;

/** {@code --slo}: the forms a user writes, and one clear line for each mistake. */
class ObjectiveTest {

    @Test
    void readsPercentilesAndBoundsAsWritten() {
        assertThat(Objective.parse("--slo", "p99=1ms")).isEqualTo(new Objective("p99=1ms", 99, 1000));
        assertThat(Objective.parse("--slo", "p99.9=5ms").percentile()).isEqualTo(99.9);
        assertThat(Objective.parse("--slo", "p999=5ms").percentile()).isEqualTo(99.9);
        assertThat(Objective.parse("--slo", "p9999=5ms").percentile()).isEqualTo(99.99);
        assertThat(Objective.parse("--slo", "p50=250us").boundUs()).isEqualTo(250);
        assertThat(Objective.parse("--slo", "p99=0.5ms").boundUs()).isEqualTo(500);
        assertThat(Objective.parse("--slo", "p99.9=5ms").title()).isEqualTo("p99.9 ≤ 5 ms");
        assertThat(Objective.parse("--slo", "p99=250us").title()).isEqualTo("p99 ≤ 250 µs");
    }

    @Test
    void refusesAMalformedObjectiveInOneLine() {
        assertThatThrownBy(() -> Objective.parse("--slo", "p99=fast")).isInstanceOf(UsageException.class)
                .hasMessage("--slo bound must be a positive duration such as 1ms or 500us, got 'fast' in 'p99=fast'");
        assertThatThrownBy(() -> Objective.parse("--slo", "p101=1ms")).isInstanceOf(UsageException.class)
                .hasMessage("--slo percentile must be above 0 and under 100, got p101 in 'p101=1ms'");
        assertThatThrownBy(() -> Objective.parse("--slo", "p99=-1ms")).isInstanceOf(UsageException.class)
                .hasMessageContaining("bound must be a positive duration");
        assertThatThrownBy(() -> Objective.parse("--slo", "p99=0ms")).isInstanceOf(UsageException.class)
                .hasMessageContaining("bound must be above 0");
        assertThatThrownBy(() -> Objective.parse("--slo", "99=1ms")).isInstanceOf(UsageException.class)
                .hasMessageContaining("takes PERCENTILE=BOUND such as p99=1ms");
        assertThatThrownBy(() -> Objective.parse("--slo", "p100=1ms")).isInstanceOf(UsageException.class)
                .hasMessageContaining("under 100");
    }
}
