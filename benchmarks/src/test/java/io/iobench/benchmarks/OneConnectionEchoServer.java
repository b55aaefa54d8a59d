package io.iobench.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A server that echoes its first connection and leaves every later one waiting in the listen backlog: connected
 * from the client's side, never served. What a thread pool smaller than the connection count looks like.
 */
final class OneConnectionEchoServer implements AutoCloseable {

    private final ServerSocket listener;
    private final Thread echo;

    OneConnectionEchoServer() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        echo = Thread.ofPlatform().daemon().name("one-connection-echo").start(this::echoFirst);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    private void echoFirst() {
        try (Socket socket = listener.accept()) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // Closed by close(), or the client went away: either way the test is over.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        try {
            echo.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
