package io.iobench.client.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.client.engine.ClientIo;
import io.iobench.client.engine.Engine;
import io.iobench.client.engine.EngineOptions;
import io.iobench.client.engine.LoadModel;
import io.iobench.client.engine.Run;
import io.iobench.client.engine.RunWindow;
import io.iobench.client.load.ClosedLoop;
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
 * The point of the correction, shown on one stall: a server stops answering for 500 ms in the middle of a 5 s run.
 * An open loop keeps sending on schedule, so a tenth of its messages are intended inside the stall and its
 * corrected p99 shows the stall. A closed loop over one connection stops sending while it waits: only one message
 * sees the stall, its p99 looks healthy and only its max gives the stall away (coordinated omission).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CoordinatedOmissionTest {

    private static final Duration RUN = Duration.ofSeconds(5);
    private static final Duration STALL = Duration.ofMillis(500);
    private static final long STALL_AFTER_MS = 2000;

    /** Runs {@code load} for 5 s over {@code connections} with the server stalling 2 s in; returns the totals. */
    private static IntervalReporter runWithStall(LoadModel load, int connections, boolean correcting, ClientIo io)
            throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (TestEchoServer server = TestEchoServer.start();
             Engine engine = Engine.open(EngineOptions.of(server.address(), connections, 64).withIo(io))) {
            long startNs = System.nanoTime();
            RunRecorder recorder = new RunRecorder(startNs, startNs + RUN.toNanos(), correcting);
            IntervalReporter reporter = new IntervalReporter(recorder, null, null, () -> 0);
            timer.schedule(() -> server.stall(STALL), STALL_AFTER_MS, TimeUnit.MILLISECONDS);
            try (Run run = engine.start(load, recorder, RunWindow.of(startNs, RUN))) {
                assertThat(run.await(Duration.ofSeconds(60))).isTrue();
            }
            reporter.finish();
            assertThat(engine.errors().total()).isZero();
            return reporter;
        } finally {
            timer.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(ClientIo.class)
    void correctedLatencyShowsAStallThatAClosedLoopHides(ClientIo io) throws Exception {
        IntervalReporter open = runWithStall(new OpenLoop(1000), 10, true, io);
        Histogram corrected = open.corrected();
        assertThat(corrected.getTotalCount()).isBetween(4500L, 5000L);
        assertThat(corrected.getValueAtPercentile(99.0)).as("open loop corrected p99, µs").isGreaterThanOrEqualTo(400_000);

        IntervalReporter closed = runWithStall(new ClosedLoop(1), 1, false, io);
        Histogram uncorrected = closed.uncorrected();
        assertThat(closed.corrected()).isNull();
        assertThat(uncorrected.getValueAtPercentile(99.0)).as("closed loop p99, µs").isLessThan(50_000);
        assertThat(uncorrected.getMaxValue()).as("closed loop max, µs").isGreaterThanOrEqualTo(400_000);
    }
}
