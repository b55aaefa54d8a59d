package io.iobench.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sun.misc.Signal;
import sun.misc.SignalHandler;

class StopRequestsTest {

    @Test
    void endsWithTheCodeAShellReportsForTheSignal() {
        assertThat(StopCause.SIGINT.exitCode()).isEqualTo(130);
        assertThat(StopCause.SIGTERM.exitCode()).isEqualTo(143);
        assertThat(StopCause.STDIN_CLOSED.exitCode()).as("as for a hang-up").isEqualTo(129);
    }

    /* A real signal, raised in this JVM: caught while installed, handed back to its old handler once closed. */
    @Test
    @Timeout(30)
    void catchesSigtermAndSigintUntilClosed() throws Exception {
        for (StopCause cause : List.of(StopCause.SIGTERM, StopCause.SIGINT)) {
            Signal signal = cause.signal();
            CompletableFuture<Signal> afterClose = new CompletableFuture<>();
            SignalHandler original = Signal.handle(signal, afterClose::complete);
            try {
                // A JVM started ignoring a signal (a background job of a script ignores SIGINT) can never catch it.
                assumeTrue(original != SignalHandler.SIG_IGN, "this JVM was started ignoring " + signal);
                try (StopRequests stop = StopRequests.onSignals()) {
                    Signal.raise(signal);
                    assertThat(stop.await()).isEqualTo(cause);
                    assertThat(stop.cause()).contains(cause);
                }
                Signal.raise(signal);
                assertThat(afterClose.get(10, TimeUnit.SECONDS)).isEqualTo(signal);
            } finally {
                Signal.handle(signal, original);
            }
        }
    }

    @Test
    void keepsTheFirstCauseAndRunsActionsOnceWhenRequestedOrAtOnceIfAlready() {
        StopRequests stop = new StopRequests();
        List<StopCause> seen = new ArrayList<>();
        stop.onRequest(seen::add);
        assertThat(stop.requested()).isFalse();

        stop.request(StopCause.STDIN_CLOSED);
        stop.request(StopCause.SIGTERM);
        stop.onRequest(seen::add);

        assertThat(stop.cause()).contains(StopCause.STDIN_CLOSED);
        assertThat(seen).containsExactly(StopCause.STDIN_CLOSED, StopCause.STDIN_CLOSED);
    }
}
