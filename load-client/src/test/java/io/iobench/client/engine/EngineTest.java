package io.iobench.client.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iobench.client.load.ClosedLoop;
import io.iobench.client.testserver.TestEchoServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EngineTest {

    @ParameterizedTest
    @EnumSource(ClientIo.class)
    void echoesEveryMessageIntactInAClosedLoop(ClientIo io) throws Exception {
        try (TestEchoServer server = TestEchoServer.start();
             Engine engine = Engine.open(EngineOptions.of(server.address(), 10, 100).withIo(io))) {
            assertThat(engine.io()).isEqualTo(io);
            assertThat(engine.connections()).isEqualTo(10);
            AtomicLong echoes = new AtomicLong();
            try (Run run = engine.start(new ClosedLoop(4), (i, s, r) -> echoes.incrementAndGet(),
                    RunWindow.of(System.nanoTime(), Duration.ofMillis(500)))) {
                assertThat(run.await(Duration.ofSeconds(30))).isTrue();
            }
            assertThat(echoes.get()).isGreaterThan(40);
            assertThat(engine.errors().total()).isZero();
        }
    }

    @Test
    void countsRefusedConnectsWithoutThrowing() throws Exception {
        InetSocketAddress closed;
        try (TestEchoServer server = TestEchoServer.start()) {
            closed = server.address();
        }
        try (Engine engine = Engine.open(EngineOptions.of(closed, 5, 64))) {
            assertThat(engine.connections()).isZero();
            assertThat(engine.connectReport().refused()).isEqualTo(5);
            assertThat(engine.errors().get(ErrorKind.CONNECT_REFUSED)).isEqualTo(5);
        }
    }

    @Test
    void exchangesOneMessageAtATime() throws Exception {
        try (TestEchoServer server = TestEchoServer.start();
             Engine engine = Engine.open(EngineOptions.of(server.address(), 2, 200_000))) {
            Exchange exchange = engine.exchange(1);
            for (int i = 0; i < 5; i++) {
                assertThat(exchange.roundTrip()).isPositive();
            }
            assertThat(engine.errors().total()).isZero();
        }
    }

    @Test
    void timesARoundTripFromTheWriteOfItsFirstByteToTheReadOfItsLastWithTheInjectedClock() throws Exception {
        AtomicLong fakeNs = new AtomicLong();
        // Each reading of the clock is 1 ms after the previous one: admit, write, read.
        try (TestEchoServer server = TestEchoServer.start();
             Engine engine = new Engine(EngineOptions.of(server.address(), 1, 64),
                     () -> fakeNs.addAndGet(1_000_000))) {
            Exchange exchange = engine.exchange(0);
            assertThat(exchange.roundTrip()).isEqualTo(1_000_000);
        }
    }

    @ParameterizedTest
    @EnumSource(ClientIo.class)
    void runsAgainOnTheSameConnectionsAfterAnExchange(ClientIo io) throws Exception {
        try (TestEchoServer server = TestEchoServer.start();
             Engine engine = Engine.open(EngineOptions.of(server.address(), 3, 64).withIo(io))) {
            engine.exchange(2).roundTrip();
            for (int run = 0; run < 2; run++) {
                AtomicLong echoes = new AtomicLong();
                try (Run load = engine.start(new ClosedLoop(2), (i, s, r) -> echoes.incrementAndGet(),
                        RunWindow.of(System.nanoTime(), Duration.ofMillis(200)))) {
                    assertThat(load.await(Duration.ofSeconds(30))).isTrue();
                }
                assertThat(echoes.get()).isGreaterThanOrEqualTo(6);
            }
            engine.exchange(2).roundTrip();
            assertThat(engine.errors().total()).isZero();
        }
    }

    @Test
    void checkListeningSaysNothingListens() throws Exception {
        InetSocketAddress closed;
        try (TestEchoServer server = TestEchoServer.start()) {
            closed = server.address();
        }
        assertThatThrownBy(() -> Engine.checkListening(closed, Duration.ofSeconds(2)))
                .hasMessageContaining("nothing listens on");
    }
}
