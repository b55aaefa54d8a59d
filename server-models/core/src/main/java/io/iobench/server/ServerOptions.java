package io.iobench.server;

import io.iobench.options.FileDescriptors;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * How to start an echo server.
 *
 * @param bind           the local address to listen on; loopback unless the user says otherwise, since an echo
 *                       server open to the network is an amplification risk
 * @param port           the TCP port, 0 for any free one
 * @param threads        IO or worker threads; 0 means the model's default ({@link Threading#defaultThreads()}:
 *                       a reactor per CPU, a pool of 200)
 * @param maxConnections connections served at once; one more is accepted, closed at once and counted as refused,
 *                       so a flood cannot take every descriptor of the host
 * @param backlog        the listen backlog
 */
public record ServerOptions(InetAddress bind, int port, int threads, int maxConnections, int backlog) {

    /** The listen backlog by default: large enough that a burst of connects is not dropped. */
    public static final int DEFAULT_BACKLOG = 4096;

    public ServerOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (model default) or more, got " + threads);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("max connections must be at least 1, got " + maxConnections);
        }
    }

    /** Loopback, any free port, the model's default threads and {@link #defaultMaxConnections()}. */
    public static ServerOptions loopback() {
        return new ServerOptions(InetAddress.getLoopbackAddress(), 0, 0, defaultMaxConnections(), DEFAULT_BACKLOG);
    }

    public ServerOptions withPort(int newPort) {
        return new ServerOptions(bind, newPort, threads, maxConnections, backlog);
    }

    public ServerOptions withThreads(int newThreads) {
        return new ServerOptions(bind, port, newThreads, maxConnections, backlog);
    }

    public ServerOptions withMaxConnections(int newMax) {
        return new ServerOptions(bind, port, threads, newMax, backlog);
    }

    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(bind, port);
    }

    /** @return {@code threads} if set, otherwise {@code modelDefault} */
    public int threadsOr(int modelDefault) {
        return threads > 0 ? threads : modelDefault;
    }

    /**
     * Three quarters of this process's descriptor limit: the rest stays free for the JVM, epoll and pipes, so the
     * server keeps working when a flood reaches the cap.
     */
    public static int defaultMaxConnections() {
        return (int) Math.max(16, FileDescriptors.limit() * 3 / 4);
    }
}
