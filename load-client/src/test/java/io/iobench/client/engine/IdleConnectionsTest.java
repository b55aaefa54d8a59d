package io.iobench.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A server that drops idle connections (select(2) past FD_SETSIZE does) is caught, though they carry no traffic. */
class IdleConnectionsTest {

    private static final int ACTIVE = 1;
    private static final int IDLE = 5;

    @Test
    @Timeout(30)
    void countsIdleConnectionsTheServerClosed() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Engine engine = Engine.open(EngineOptions.of(address(listener), ACTIVE, 64).withIdleConnections(IDLE))) {
            for (Socket accepted : acceptAll(listener)) {
                accepted.close();
            }
            awaitLost(engine, IDLE);
            assertThat(engine.errors().get(ErrorKind.IO) + engine.errors().get(ErrorKind.RESET)).isEqualTo(IDLE);
        }
    }

    @Test
    @Timeout(30)
    void countsNothingWhileTheServerKeepsThemOpen() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Engine engine = Engine.open(EngineOptions.of(address(listener), ACTIVE, 64).withIdleConnections(IDLE))) {
            List<Socket> accepted = acceptAll(listener);
            assertThat(engine.countLostIdleConnections()).isZero();
            assertThat(engine.errors().total()).isZero();
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    private static InetSocketAddress address(ServerSocket listener) {
        return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
    }

    private static List<Socket> acceptAll(ServerSocket listener) throws IOException {
        List<Socket> accepted = new ArrayList<>();
        for (int i = 0; i < ACTIVE + IDLE; i++) {
            accepted.add(listener.accept());
        }
        return accepted;
    }

    /** The FIN takes a moment to arrive; looks again until every idle connection is seen closed. */
    private static void awaitLost(Engine engine, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        int lost = 0;
        while (lost < expected && System.nanoTime() < deadline) {
            lost += engine.countLostIdleConnections();
            Thread.sleep(20);
        }
        assertThat(lost).isEqualTo(expected);
    }
}
