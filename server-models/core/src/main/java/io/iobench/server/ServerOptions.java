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
     * Descriptors left free beside the connections under the default cap: the one more connection the cap accepts
     * in order to close it (a burst of them on a model that accepts several at once), and what a running JVM may
     * still open now and then.
     */
    static final int DESCRIPTOR_HEADROOM = 8;

    /**
     * The connection cap a server gets when none is given: what this process's descriptor limit leaves beside every
     * descriptor it holds now (the JVM's jars and pipes, and once a model has started its listening socket,
     * selectors, pollers and event loops) and {@link #DESCRIPTOR_HEADROOM}. A flood then meets the cap, which
     * refuses and counts it, before accept fails for want of descriptors. The launcher asks again once its model
     * has started ({@link ConnectionLedger#capAt}).
     */
    public static int defaultMaxConnections() {
        return maxConnectionsLeaving(FileDescriptors.limit(), Math.max(0, FileDescriptors.open()));
    }

    /** @return the connections a descriptor {@code limit} leaves room for while {@code held} are open; at least 1 */
    static int maxConnectionsLeaving(long limit, long held) {
        return Math.clamp(limit - held - DESCRIPTOR_HEADROOM, 1, Integer.MAX_VALUE);
    }
}
