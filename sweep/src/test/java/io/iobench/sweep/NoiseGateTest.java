package io.iobench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.results.RunResult;
import io.iobench.results.RunResult.RunFlags.Flag;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which completed runs are noisy: 2% of either side's CPUs stolen, or the client was the limit. */
class NoiseGateTest {

    private static final SweepPoint POINT = new SweepPoint("selector", 100, 0, 64, 0);

    @Test
    void passesARunWithLittleStolenAndNoClientLimit() {
        RunResult run = FakeMeasurement.run(POINT, 150_000, 1.99, 0.4, Set.of(Flag.BOTH_SATURATED));
        assertThat(NoiseGate.noise(run)).isEmpty();
        assertThat(NoiseGate.clean(run)).isTrue();
    }

    @Test
    void marksARunWhoseStealReachedTwoPercentOfEitherSide() {
        assertThat(NoiseGate.noise(FakeMeasurement.run(POINT, 150_000, 2.0, 0.4, Set.of())))
                .contains("server cpu_steal_pct 2.0 >= 2");
        assertThat(NoiseGate.noise(FakeMeasurement.run(POINT, 150_000, 0.0, 33.4, Set.of())))
                .contains("client cpu_steal_pct 33.4 >= 2");
        assertThat(NoiseGate.clean(FakeMeasurement.run(POINT, 150_000, 2.0, 0.4, Set.of()))).isFalse();
    }

    @Test
    void marksAClientBoundRunAndNamesEveryReason() {
        assertThat(NoiseGate.noise(FakeMeasurement.run(POINT, 150_000, 4.1, 2.2, Set.of(Flag.CLIENT_BOUND))))
                .contains("server cpu_steal_pct 4.1 >= 2; client cpu_steal_pct 2.2 >= 2; client_bound");
    }

    /* A re-run would hide a model's own failure, and a run that never read /proc/stat has no steal to judge. */
    @Test
    void leavesFailedCorruptAndUnreadRunsUnmarked() {
        RunResult stolen = FakeMeasurement.run(POINT, 150_000, 9.0, 9.0, Set.of());
        assertThat(NoiseGate.noise(stolen.withFailure("server died during the run (exit code 137)"))).isEmpty();
        assertThat(NoiseGate.clean(stolen.withFailure("server died"))).isFalse();
        RunResult corrupt = FakeMeasurement.run(POINT, 150_000, 9.0, 0.0, Set.of(Flag.CORRUPT));
        assertThat(NoiseGate.noise(corrupt)).isEmpty();
        assertThat(NoiseGate.clean(corrupt)).isFalse();
        assertThat(NoiseGate.noise(FakeMeasurement.run(POINT, 150_000, null, null, Set.of()))).isEmpty();
    }
}
