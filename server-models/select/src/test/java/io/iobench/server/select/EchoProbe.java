package io.iobench.server.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.ThreadLocalRandom;

/** A blocking test connection that proves the server echoes on it, with a read timeout so a silent server fails. */
final class EchoProbe {

    static final int READ_TIMEOUT_MS = 30_000;

    private EchoProbe() {
    }

    static Socket connect(InetAddress address, int port) throws IOException {
        Socket socket = new Socket();
        socket.setSoTimeout(READ_TIMEOUT_MS);
        socket.connect(new InetSocketAddress(address, port), READ_TIMEOUT_MS);
        return socket;
    }

    static Socket connect(int port) throws IOException {
        return connect(InetAddress.getLoopbackAddress(), port);
    }

    /** Sends {@code length} random bytes and asserts the same bytes come back. */
    static void assertEchoes(Socket socket, int length) throws IOException {
        byte[] message = new byte[length];
        ThreadLocalRandom.current().nextBytes(message);
        socket.getOutputStream().write(message);
        assertThat(socket.getInputStream().readNBytes(length)).isEqualTo(message);
    }
}
