package io.iobench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.results.LoadMode;
import io.iobench.results.RunResult;
import io.iobench.results.RunResult.RunFlags.Flag;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The line the sweep prints under each run: a run it cannot vouch for says so there, not only in its files. */
class SweepOutcomeTest {

    private static final RunResult.Point POINT = RunResult.Point.closedLoop("selector", "127.0.0.1:4000", 10, 0, 64,
            1);

    private static RunResult run(long mismatches, Set<Flag> flags) {
        return RunResult.of(POINT, new RunResult.Timing(1, 2, 2, "2026-01-01T00:00:00Z"),
                RunResult.Throughput.of(147_236, 64, 2), null, null,
                new RunResult.Errors(0, 0, 0, 0, mismatches, 0, 0), null, null, RunResult.RunFlags.of(flags, null),
                null, RunResult.Files.standard(LoadMode.CLOSED));
    }

    @Test
    void aCorruptRunIsInvalidAndSaysHowManyEchoesWereWrong() {
        assertThat(Sweep.outcome(run(408, Set.of(Flag.CORRUPT))))
                .isEqualTo("INVALID: corrupt, 408 echoes came back with wrong bytes");
    }

    @Test
    void aFailedRunSaysWhyAndAFlaggedOneNamesItsFlags() {
        assertThat(Sweep.outcome(run(0, Set.of()).withFailure("server died during the run (exit code 137)")))
                .isEqualTo("FAILED: server died during the run (exit code 137)");
        assertThat(Sweep.outcome(run(0, Set.of(Flag.STALLED, Flag.CLIENT_STALLED))))
                .isEqualTo("flagged: stalled, client_stalled");
        assertThat(Sweep.outcome(run(0, Set.of()))).isNull();
    }
}
