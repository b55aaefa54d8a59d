package io.iobench.report.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.report.Fixtures;
import io.iobench.results.LoadMode;
import io.iobench.results.SweepManifest;
import io.iobench.results.SweepReader;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A stored sweep in report order, each run with its status. */
class SweepViewTest {

    @Test
    void ordersRunsBySliceConnectionsAndPlannedModelWithTheirStatus() throws IOException {
        SweepView sweep = SweepView.of(SweepReader.read(Fixtures.resource(Fixtures.CLOSED_LOOP)));

        assertThat(sweep.warnings()).isEmpty();
        assertThat(sweep.models()).containsExactly("thread-per-connection", "selector", "netty-epoll");
        assertThat(sweep.runs()).extracting(RunView::id).containsExactly(
                "thread-per-connection-c1-s64", "selector-c1-s64", "netty-epoll-c1-s64",
                "thread-per-connection-c10-s64", "selector-c10-s64", "netty-epoll-c10-s64",
                "thread-per-connection-c100-s64", "selector-c100-s64", "netty-epoll-c100-s64");
        assertThat(sweep.status()).isEqualTo(SweepManifest.Status.COMPLETE);
        assertThat(sweep.slices()).containsExactly(new Slice(64, 0, LoadMode.CLOSED, null));

        RunView failed = sweep.runs().getLast();
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("the server process 4342 exited during the run;"
                + " server died during the run (exit code 134); last output: SIGABRT");
        assertThat(failed.value(Metric.MSGS_PER_S)).isPositive();
        assertThat(failed.value(Metric.SERVER_CPU_CORES)).isNull();
        assertThat(failed.errorText()).isEqualTo("100 (io 100)");

        RunView clientBound = sweep.runs().get(7);
        assertThat(clientBound.status()).isEqualTo(RunStatus.FLAGGED);
        assertThat(clientBound.flags()).containsExactly("client_bound");
    }

    @Test
    void aRunFromAModelOutsideThePlanComesLastInItsSlice() throws IOException {
        SweepView sweep = SweepView.of(SweepReader.read(Fixtures.resource(Fixtures.IDLE_AXIS)));

        assertThat(sweep.models()).containsExactly("poll", "selector", "netty-epoll");
        assertThat(sweep.modelIndex("no-such-model")).isEqualTo(3);
    }
}
