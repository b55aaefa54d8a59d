package io.iobench.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.client.load.ClosedLoop;
import io.iobench.client.load.OpenLoop;
import io.iobench.client.testserver.TestEchoServer;
import io.iobench.client.testserver.TestEchoServer.Fault;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One IO thread holds thousands of connections; an open loop's backlog is bounded and counted. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ManyConnectionsTest {

    @Test
    void holdsTwoThousandConnectionsAndEchoesOnEveryActiveOne() throws Exception {
        int active = 1500;
        int idle = 500;
        try (TestEchoServer server = TestEchoServer.start();
             Engine engine = Engine.open(EngineOptions.of(server.address(), active, 64).withIdleConnections(idle))) {
            assertThat(engine.connectReport().connected()).isEqualTo(active + idle);
            assertThat(engine.connections()).isEqualTo(active);
            assertThat(engine.idleConnections()).isEqualTo(idle);

            AtomicLong firstEchoes = new AtomicLong();
            AtomicLong echoes = new AtomicLong();
            EchoSink sink = new EchoSink() {
                @Override
                public void echoed(long intendedNs, long sentNs, long receivedNs) {
                    echoes.incrementAndGet();
                }

                @Override
                public void firstEcho(long latencyNs) {
                    firstEchoes.incrementAndGet();
                }
            };
            try (Run run = engine.start(new ClosedLoop(1), sink, RunWindow.of(System.nanoTime(), Duration.ofSeconds(2)))) {
                assertThat(run.await(Duration.ofSeconds(60))).isTrue();
                assertThat(run.openConnections()).isEqualTo(active);
            }
            assertThat(firstEchoes.get()).isEqualTo(active);
            assertThat(echoes.get()).isGreaterThanOrEqualTo(active);
            assertThat(engine.errors().total()).isZero();
            assertThat(server.accepted()).isEqualTo(active + idle);
        }
    }

    @Test
    void skipsAndCountsOpenLoopSendsBeyondTheBacklogOfASilentServer() throws Exception {
        int connections = 2;
        int backlog = 16;
        try (TestEchoServer server = TestEchoServer.start(Fault.SWALLOW, 64);
             Engine engine = Engine.open(EngineOptions.of(server.address(), connections, 64))) {
            long startNs = System.nanoTime();
            // 1000 msgs/s for one second: 1000 intended sends, of which 2 x 16 fit in the backlogs.
            try (Run run = engine.start(new OpenLoop(1000, backlog), (i, s, r) -> { },
                    new RunWindow(startNs, startNs + 1_000_000_000L, 100_000_000L))) {
                assertThat(run.await(Duration.ofSeconds(60))).isTrue();
            }
            assertThat(engine.errors().get(ErrorKind.TIMEOUT)).isEqualTo(connections * backlog);
            assertThat(engine.errors().get(ErrorKind.BACKLOG_OVERFLOW)).isEqualTo(1000 - connections * backlog);
        }
    }
}
