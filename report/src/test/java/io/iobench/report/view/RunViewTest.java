package io.iobench.report.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.results.RunResult;
import io.iobench.results.RunResult.RunFlags.Flag;
import io.iobench.results.StoredRun;
import io.iobench.results.fixture.SampleResults;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A run's trust in words: its status, its flags column, its errors column. */
class RunViewTest {

    private static RunView run(RunResult result) {
        return RunView.of(new StoredRun("r", Path.of("r"), result));
    }

    private static RunResult withFlags(RunResult.RunFlags flags) {
        return withFlags(flags, SampleResults.closedLoop().errors());
    }

    private static RunResult withFlags(RunResult.RunFlags flags, RunResult.Errors errors) {
        RunResult r = SampleResults.closedLoop();
        return RunResult.of(r.point(), r.timing(), r.throughput(), r.latencyUs(), r.connect(), errors, r.server(),
                r.client(), flags, r.environment(), r.files());
    }

    @Test
    void aClosedLoopWithStarvedConnectionsIsFlagged() {
        RunView run = run(withFlags(RunResult.RunFlags.of(Set.of(Flag.LATENCY_INCOMPLETE), null)));

        assertThat(run.status()).isEqualTo(RunStatus.FLAGGED);
        assertThat(run.flags()).containsExactly("latency_incomplete");
        assertThat(run.statusText()).isEqualTo("latency_incomplete");
    }

    @Test
    void namesStealBesideTheFlagsOnlyFromTwoPercent() {
        RunResult r = SampleResults.closedLoop();
        RunResult.Server s = r.server();
        RunResult.Client c = r.client();
        RunResult stolen = RunResult.of(r.point(), r.timing(), r.throughput(), r.latencyUs(), r.connect(),
                r.errors(), new RunResult.Server(s.pid(), s.cpu(), s.idleCpuCores(), s.contextSwitches(), s.size(),
                        s.memory(), 1.99, s.runqueueWait(), s.busiestThreadBusy(), s.threadsExited()),
                new RunResult.Client(c.cpu(), c.coresAvailable(), c.io(), 2.0, c.runqueueWaitS(), c.ioBusy()),
                RunResult.RunFlags.NONE,
                r.environment(), r.files());

        assertThat(run(stolen).status()).isEqualTo(RunStatus.GOOD);
        assertThat(run(stolen).statusText()).isEqualTo("the hypervisor stole 2.0% of the client's CPU time");
    }

    @Test
    void aCorruptRunIsInvalidAndShownAsAFailedOneIs() {
        RunView corrupt = run(withFlags(RunResult.RunFlags.of(Set.of(Flag.CORRUPT, Flag.STALLED), null),
                new RunResult.Errors(0, 0, 0, 0, 408, 0, 0)));

        assertThat(corrupt.status()).isEqualTo(RunStatus.FAILED);
        assertThat(corrupt.invalid()).isTrue();
        assertThat(corrupt.flags()).containsExactly("stalled", "corrupt");
        assertThat(corrupt.statusText()).isEqualTo("INVALID: corrupt: 408 echoes came back with wrong bytes");
        assertThat(run(SampleResults.closedLoop().withFailure("server died")).invalid()).isFalse();
    }

    @Test
    void aCompletedRunWithErrorsIsFlaggedWithTheirCountAndKinds() {
        RunView dropped = run(withFlags(RunResult.RunFlags.NONE, new RunResult.Errors(12, 0, 0, 0, 0, 3, 0)));

        assertThat(dropped.status()).isEqualTo(RunStatus.FLAGGED);
        assertThat(dropped.flags()).isEmpty();
        assertThat(dropped.marks()).containsExactly("errors 15 (connect 12, timeout 3)");
        assertThat(dropped.statusText()).isEqualTo("errors 15 (connect 12, timeout 3)");
        assertThat(run(withFlags(RunResult.RunFlags.NONE, new RunResult.Errors(0, 0, 0, 0, 0, 0, 0))).status())
                .isEqualTo(RunStatus.GOOD);
    }

    @Test
    void aStalledServerOrClientFlagsTheRun() {
        assertThat(run(withFlags(RunResult.RunFlags.of(Set.of(Flag.STALLED), null))).status())
                .isEqualTo(RunStatus.FLAGGED);
        assertThat(run(withFlags(RunResult.RunFlags.of(Set.of(Flag.CLIENT_STALLED), null))).statusText())
                .isEqualTo("client_stalled");
    }

    @Test
    void aFailedRunSaysWhyAndCountsItsErrorsByKind() {
        RunView failed = run(SampleResults.openLoop().withFailure("server died during the run (exit code 137)"));

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.statusText()).isEqualTo("FAILED: server died during the run (exit code 137)");
        assertThat(failed.errorText())
                .isEqualTo("28 (connect 1, io 2, reset 3, refused 4, mismatch 5, timeout 6, backlog_overflow 7)");
        assertThat(run(SampleResults.failed()).errorText()).isEqualTo(NumberText.MISSING);
        assertThat(run(SampleResults.failed()).value(Metric.MSGS_PER_S)).isNull();
    }
}
