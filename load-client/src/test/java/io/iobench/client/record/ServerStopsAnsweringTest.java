package io.iobench.client.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.client.engine.ClientIo;
import io.iobench.client.engine.Engine;
import io.iobench.client.engine.EngineOptions;
import io.iobench.client.engine.ErrorKind;
import io.iobench.client.engine.Run;
import io.iobench.client.engine.RunWindow;
import io.iobench.client.load.ClosedLoop;
import io.iobench.client.testserver.TestEchoServer;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A server that stops answering half a second into a 2 s closed-loop window. The loop then sends nothing more, so
 * neither the throughput nor the percentiles of what was echoed would show it: each connection's stretch without an
 * echo does, and the message it waited for is recorded at a lower bound when the drain gives it up.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServerStopsAnsweringTest {

    private static final Duration WINDOW = Duration.ofSeconds(2);
    private static final int CONNECTIONS = 4;

    @ParameterizedTest
    @EnumSource(ClientIo.class)
    void everyConnectionStallsAndTheMessageItWaitedForIsALowerBound(ClientIo io) throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (TestEchoServer server = TestEchoServer.start();
             Engine engine = Engine.open(EngineOptions.of(server.address(), CONNECTIONS, 64).withIo(io))) {
            long startNs = System.nanoTime();
            RunRecorder recorder = new RunRecorder(startNs, startNs + WINDOW.toNanos(), false);
            timer.schedule(server::stopEchoing, 500, TimeUnit.MILLISECONDS);
            try (Run run = engine.start(new ClosedLoop(1), recorder, RunWindow.of(startNs, WINDOW))) {
                assertThat(run.await(Duration.ofSeconds(30))).isTrue();
            }

            StallRecorder.Stalls stalls = recorder.stalls();
            assertThat(recorder.messages()).as("echoes before the stop").isPositive();
            assertThat(stalls.connections()).isEqualTo(CONNECTIONS);
            assertThat(stalls.longestUnansweredNs()).as("unanswered from the stop to the window's end, ns")
                    .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(500));
            assertThat(stalls.longestIoThreadGapNs()).as("the client ran throughout").isLessThan(recorder.stalledNs());
            assertThat(engine.errors().get(ErrorKind.TIMEOUT)).isEqualTo(CONNECTIONS);
            assertThat(recorder.uncorrectedLowerBounds()).isEqualTo(CONNECTIONS);
        } finally {
            timer.shutdownNow();
        }
    }
}
