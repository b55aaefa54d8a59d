package io.iobench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iobench.client.engine.Engine;
import io.iobench.client.engine.EngineOptions;
import io.iobench.client.engine.Exchange;
import io.iobench.server.EchoServer;
import io.iobench.server.IoModels;
import io.iobench.server.ServerOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 1, unit = TimeUnit.MINUTES)
class FirstEchoesTest {

    private static final Duration SHORT_WAIT = Duration.ofMillis(500);

    @Test
    void returnsOnceEveryConnectionHasEchoed() throws IOException {
        try (EchoServer server = IoModels.named("selector").orElseThrow().start(ServerOptions.loopback());
             Engine engine = Engine.open(EngineOptions.of(
                     new InetSocketAddress("127.0.0.1", server.port()), 3, 64))) {
            Exchange[] exchanges = exchanges(engine);

            FirstEchoes.await(exchanges, "selector", SHORT_WAIT);

            // Each connection is still in step: one more round trip on each succeeds.
            for (Exchange exchange : exchanges) {
                assertThat(exchange.roundTrip()).isPositive();
            }
        }
    }

    @Test
    void namesTheConnectionAServerNeverServes() throws IOException {
        try (OneConnectionEchoServer server = new OneConnectionEchoServer();
             Engine engine = Engine.open(EngineOptions.of(server.address(), 2, 64))) {
            Exchange[] exchanges = exchanges(engine);

            assertThatThrownBy(() -> FirstEchoes.await(exchanges, "one-connection", SHORT_WAIT))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("no echo within 500 ms")
                    .hasMessageContaining("the one-connection server");
        }
    }

    private static Exchange[] exchanges(Engine engine) {
        assertThat(engine.connections()).as("connections opened").isPositive();
        Exchange[] exchanges = new Exchange[engine.connections()];
        for (int i = 0; i < exchanges.length; i++) {
            exchanges[i] = engine.exchange(i);
        }
        return exchanges;
    }
}
