package io.iobench.client.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.client.engine.ClientIo;
import io.iobench.client.engine.Engine;
import io.iobench.client.engine.EngineOptions;
import io.iobench.client.engine.ErrorKind;
import io.iobench.client.engine.Run;
import io.iobench.client.engine.RunWindow;
import io.iobench.client.load.OpenLoop;
import io.iobench.client.testserver.TestEchoServer;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A server that stalls longer than a connection's backlog allows: the open loop skips the sends it has no room for
 * and the schedule carries on. Counting them and dropping their latency would leave out exactly the worst
 * messages; each is recorded at a lower bound instead, from its intended time to the echo that freed a slot.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GivenUpMessagesTest {

    private static final Duration RUN = Duration.ofSeconds(4);
    private static final Duration STALL = Duration.ofMillis(800);

    @ParameterizedTest
    @EnumSource(ClientIo.class)
    void recordsSkippedSendsAtTheirLowerBoundInsteadOfLosingThem(ClientIo io) throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (TestEchoServer server = TestEchoServer.start();
             Engine engine = Engine.open(EngineOptions.of(server.address(), 1, 64).withIo(io))) {
            long startNs = System.nanoTime();
            RunRecorder recorder = new RunRecorder(startNs, startNs + RUN.toNanos(), true);
            IntervalReporter reporter = new IntervalReporter(recorder, null, null, () -> 0);
            timer.schedule(() -> server.stall(STALL), 1500, TimeUnit.MILLISECONDS);
            // 1,000 msgs/s on one connection with room for 8: an 800 ms stall leaves about 790 sends no room.
            try (Run run = engine.start(new OpenLoop(1000, 8), recorder, RunWindow.of(startNs, RUN))) {
                assertThat(run.await(Duration.ofSeconds(60))).isTrue();
            }
            reporter.finish();

            long skipped = engine.errors().get(ErrorKind.BACKLOG_OVERFLOW);
            assertThat(skipped).as("sends skipped for a full backlog").isGreaterThan(500);
            assertThat(recorder.correctedLowerBounds()).isEqualTo(skipped);
            assertThat(recorder.uncorrectedLowerBounds()).as("skipped sends were never sent").isZero();
            Histogram corrected = reporter.corrected();
            // Every intended send is in the corrected histogram, echoed or given up (a few intended at the very end
            // are echoed after the window and so not counted in its throughput).
            assertThat(corrected.getTotalCount()).isBetween(recorder.messages() + skipped,
                    recorder.messages() + skipped + 50);
            // The first skipped send waited most of the stall for a slot.
            assertThat(corrected.getMaxValue()).as("corrected max, µs").isGreaterThanOrEqualTo(600_000);
        } finally {
            timer.shutdownNow();
        }
    }
}
