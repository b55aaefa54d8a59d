package io.iobench.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Open TCP connections on loopback that never carry a byte, of which this process holds only the client ends.
 *
 * <p>The server ends are never accepted: the kernel completes the handshake and parks each connection in the
 * accept queue of a listening socket. Each client end is therefore an ESTABLISHED TCP socket exactly like an idle
 * client connection of a server, yet it costs this process one descriptor instead of two, and no second process.
 * That matters at 10,000 connections under a 20,000 descriptor limit. A listener holds at most its backlog, which
 * the kernel caps at {@code net.core.somaxconn}, so as many listeners are opened as the count needs.
 *
 * <p>{@link #close()} resets the connections (SO_LINGER 0): thousands of orderly closes would leave as many
 * TIME_WAIT entries holding loopback ports for a minute, which other programs on the host could run short of.
 */
final class IdleConnections implements AutoCloseable {

    private static final int MAX_BACKLOG = 4096;
    private static final Path SOMAXCONN = Path.of("/proc/sys/net/core/somaxconn");
    /** The kernel's default listen cap before Linux 5.4, assumed when the sysctl cannot be read. */
    private static final int HISTORICAL_SOMAXCONN = 128;

    private final List<ServerSocketChannel> listeners = new ArrayList<>();
    private final List<SocketChannel> clients = new ArrayList<>();

    private IdleConnections() {
    }

    /**
     * Opens {@code count} idle connections.
     *
     * @param connectTimeout how long one connect may take; a full accept queue would otherwise block forever
     */
    static IdleConnections open(int count, Duration connectTimeout) throws IOException {
        IdleConnections idle = new IdleConnections();
        try {
            int perListener = Math.min(MAX_BACKLOG, somaxconn());
            InetSocketAddress target = null;
            for (int i = 0; i < count; i++) {
                if (i % perListener == 0) {
                    ServerSocketChannel listener = ServerSocketChannel.open();
                    idle.listeners.add(listener);
                    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), perListener);
                    target = (InetSocketAddress) listener.getLocalAddress();
                }
                SocketChannel client = SocketChannel.open();
                idle.clients.add(client);
                client.socket().connect(target, Math.toIntExact(connectTimeout.toMillis()));
                client.configureBlocking(false);
            }
            return idle;
        } catch (IOException | RuntimeException e) {
            idle.close();
            throw e;
        }
    }

    /** Registers every connection with {@code selector} for {@code ops}. */
    void registerWith(Selector selector, int ops) throws IOException {
        for (SocketChannel client : clients) {
            client.register(selector, ops);
        }
    }

    int count() {
        return clients.size();
    }

    /** Resets every connection, then closes the listeners. */
    @Override
    public void close() {
        IOException first = null;
        for (SocketChannel client : clients) {
            try {
                if (client.isOpen()) {
                    client.setOption(StandardSocketOptions.SO_LINGER, 0);
                }
                client.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        for (ServerSocketChannel listener : listeners) {
            try {
                listener.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        clients.clear();
        listeners.clear();
        if (first != null) {
            throw new UncheckedIOException("closing idle connections", first);
        }
    }

    private static int somaxconn() {
        try {
            return Integer.parseInt(Files.readString(SOMAXCONN).strip());
        } catch (IOException | NumberFormatException e) {
            return HISTORICAL_SOMAXCONN;
        }
    }
}
