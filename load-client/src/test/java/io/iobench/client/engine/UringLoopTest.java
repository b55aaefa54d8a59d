package io.iobench.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.client.load.ClosedLoop;
import io.iobench.client.testserver.TestEchoServer;
import io.iobench.client.testserver.TestEchoServer.Fault;
import io.iobench.client.uring.IoUring;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What only the io_uring engine has to get right: buffers running out, sends the kernel holds, registered files. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UringLoopTest {

    private static EngineOptions uring(TestEchoServer server, int connections, int size) {
        return EngineOptions.of(server.address(), connections, size).withIo(ClientIo.IO_URING);
    }

    @Test
    void isAvailableOnThisMachineWithTheTestJvmsOptions() {
        // The build runs tests with the exports and native access that scripts/iobench gives the client.
        assertThat(ClientIo.IO_URING.unavailableReason()).isNull();
        assertThat(IoUring.unavailableReason()).isNull();
        assertThat(ClientIo.preferred()).isEqualTo(ClientIo.IO_URING);
    }

    @Test
    void echoesMegabyteMessagesWhenTheSharedBuffersRunOut() throws Exception {
        // 8 connections x 4 in flight x 1 MiB is far more than the 64 buffers of 64 KiB the ring gets: receives
        // end with ENOBUFS and must be armed again without losing or reordering a byte.
        try (TestEchoServer server = TestEchoServer.start();
             Engine engine = Engine.open(uring(server, 8, 1024 * 1024))) {
            AtomicLong echoes = new AtomicLong();
            long startNs = System.nanoTime();
            // A generous drain: a cold JVM checks the first megabytes in the interpreter.
            try (Run run = engine.start(new ClosedLoop(4), (i, s, r) -> echoes.incrementAndGet(),
                    new RunWindow(startNs, startNs + 1_500_000_000L, 30_000_000_000L))) {
                assertThat(run.await(Duration.ofSeconds(45))).isTrue();
            }
            assertThat(echoes.get()).isGreaterThanOrEqualTo(32);
            assertThat(engine.errors().total()).isZero();
            assertThat(engine.exchange(3).roundTrip()).as("the connection is still in step").isPositive();
        }
    }

    @Test
    void endsOnTimeWhenTheServerStopsReadingWithSendsHeldInTheKernel() throws Exception {
        // A server that never echoes: 4 MiB in flight per connection fill both socket buffers, so sends stay in
        // the kernel; the drain time-out must end the run, count the echoes as time-outs and cancel those sends.
        try (TestEchoServer server = TestEchoServer.start(Fault.SWALLOW, 1024 * 1024);
             Engine engine = Engine.open(uring(server, 2, 1024 * 1024))) {
            server.stall(Duration.ofSeconds(30));
            long startNs = System.nanoTime();
            try (Run run = engine.start(new ClosedLoop(4), (i, s, r) -> { },
                    new RunWindow(startNs, startNs + 300_000_000L, 300_000_000L))) {
                assertThat(run.await(Duration.ofSeconds(20))).isTrue();
            }
            assertThat(engine.errors().get(ErrorKind.TIMEOUT)).isEqualTo(8);
        }
    }

    @Test
    void closesTheSocketForRealWhenItDropsAConnectionMidRun() throws Exception {
        // The ring holds a reference to each registered socket: unless the engine drops it, closing the channel
        // would leave the server's side open until the run ends and the ring closes.
        try (TestEchoServer server = TestEchoServer.start(Fault.DUPLICATE, 64);
             Engine engine = Engine.open(uring(server, 2, 64))) {
            try (Run run = engine.start(new ClosedLoop(1), (i, s, r) -> { },
                    RunWindow.of(System.nanoTime(), Duration.ofSeconds(20)))) {
                // The server counts a connection from its accept, which may come after the client's connect.
                long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                while ((server.accepted() < 2 || engine.errors().get(ErrorKind.MISMATCH) == 0 || server.open() > 1)
                        && System.nanoTime() < deadlineNs) {
                    TimeUnit.MILLISECONDS.sleep(10);
                }
                assertThat(server.accepted()).isEqualTo(2);
                assertThat(run.isDone()).as("run done").isFalse();
                assertThat(server.open()).as("connections the server still serves").isEqualTo(1);
                assertThat(run.openConnections()).isEqualTo(1);
            }
            assertThat(engine.errors().get(ErrorKind.MISMATCH)).isEqualTo(1);
        }
    }

    @Test
    void countsResetsWhenTheServerDies() throws Exception {
        try (TestEchoServer server = TestEchoServer.start();
             Engine engine = Engine.open(uring(server, 4, 64))) {
            try (Run run = engine.start(new ClosedLoop(1), (i, s, r) -> { },
                    RunWindow.of(System.nanoTime(), Duration.ofSeconds(5)))) {
                TimeUnit.MILLISECONDS.sleep(300);
                server.resetAll();
                long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (run.openConnections() > 0 && System.nanoTime() < deadlineNs) {
                    TimeUnit.MILLISECONDS.sleep(10);
                }
                assertThat(run.openConnections()).isZero();
            }
            ErrorCounts errors = engine.errors();
            assertThat(errors.get(ErrorKind.RESET) + errors.get(ErrorKind.IO)).isEqualTo(4);
        }
    }
}
