package io.iobench.server.blocking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iobench.server.EchoServer;
import io.iobench.server.ServerOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The pool's honest failure mode: a connection beyond the workers is accepted but not served until a worker's
 * connection ends. The acceptor must keep accepting meanwhile, never blocking on the full pool.
 */
class ThreadPoolStarvationTest {

    private static final int WORKERS = 2;

    @Test
    @Timeout(60)
    void queuesConnectionsBeyondThePoolUntilAWorkerIsFree() throws Exception {
        try (EchoServer server = new ThreadPoolModel().start(ServerOptions.loopback().withThreads(WORKERS));
             Socket first = connect(server);
             Socket second = connect(server);
             Socket third = connect(server);
             Socket fourth = connect(server)) {
            assertEcho(first, 1);
            assertEcho(second, 2);

            third.getOutputStream().write(3);
            third.setSoTimeout(500);
            assertThatThrownBy(() -> third.getInputStream().read())
                    .as("echo for a connection beyond the %d workers", WORKERS)
                    .isInstanceOf(SocketTimeoutException.class);
            await(() -> server.ledger().accepted() == 4, "the acceptor admits while every worker is busy");

            first.close();
            third.setSoTimeout(10_000);
            assertThat(third.getInputStream().read()).as("echo once a worker is free").isEqualTo(3);
            assertEcho(second, 5);
        }
    }

    private static Socket connect(EchoServer server) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void assertEcho(Socket socket, int value) throws IOException {
        socket.getOutputStream().write(value);
        assertThat(socket.getInputStream().read()).isEqualTo(value);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadlineNs = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadlineNs);
            Thread.sleep(10);
        }
    }
}
