package io.iobench.server.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.iobench.options.UsageException;
import io.iobench.server.EchoServer;
import io.iobench.server.ServerOptions;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SelectServerTest {

    private static final Duration AWAIT = Duration.ofSeconds(30);

    @Test
    @Timeout(60)
    void listensOnTheRealPortWhenAskedForAnyAndRunsOneThreadNamedSelectLoopUntilClosed() throws Exception {
        EchoServer server = new SelectModel().start(ServerOptions.loopback());
        try (Socket socket = EchoProbe.connect(server.port())) {
            EchoProbe.assertEchoes(socket, 1000);
            assertThat(server.port()).isPositive();
            assertThat(selectLoopAlive()).isTrue();
        } finally {
            server.close();
        }
        server.close();

        assertThat(selectLoopAlive()).isFalse();
        try (ServerSocket again = new ServerSocket(server.port(), 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(server.port());
        }
    }

    @Test
    @Timeout(60)
    void countsAResetAndKeepsServingTheOtherConnections() throws Exception {
        try (SelectServer server = SelectServer.start(ServerOptions.loopback(), System.err);
             Socket survivor = EchoProbe.connect(server.port())) {
            Socket resetting = EchoProbe.connect(server.port());
            EchoProbe.assertEchoes(resetting, 100);
            EchoProbe.assertEchoes(survivor, 100);

            resetting.setSoLinger(true, 0);
            resetting.close();

            await(() -> server.resets() == 1 && server.ledger().open() == 1);
            EchoProbe.assertEchoes(survivor, 100_000);
        }
    }

    @Test
    @Timeout(60)
    void listensOnIpv6() throws Exception {
        InetAddress ipv6Loopback = InetAddress.getByName("::1");
        assumeTrue(ipv6Available(ipv6Loopback), "this host has no IPv6 loopback");
        ServerOptions options = new ServerOptions(ipv6Loopback, 0, 0, 16, ServerOptions.DEFAULT_BACKLOG);
        try (EchoServer server = new SelectModel().start(options);
             Socket socket = EchoProbe.connect(ipv6Loopback, server.port())) {
            assertThat(socket.getInetAddress()).isInstanceOf(Inet6Address.class);
            EchoProbe.assertEchoes(socket, 1000);
        }
    }

    @Test
    @Timeout(60)
    void reportsAPortInUseAsABindException() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServerOptions options = ServerOptions.loopback().withPort(taken.getLocalPort());
            assertThatThrownBy(() -> new SelectModel().start(options))
                    .isInstanceOf(BindException.class)
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()))
                    .hasMessageContaining("Address already in use");
        }
        assertThat(selectLoopAlive()).isFalse();
    }

    @Test
    void refusesMoreThanOneThread() {
        assertThatThrownBy(() -> new SelectModel().start(ServerOptions.loopback().withThreads(2)))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("one thread");
    }

    private static boolean selectLoopAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("select-loop"));
    }

    private static boolean ipv6Available(InetAddress address) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(address, 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadlineNs = System.nanoTime() + AWAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within %s", AWAIT).isLessThan(deadlineNs);
            Thread.sleep(10);
        }
    }
}
