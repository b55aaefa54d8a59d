package io.iobench.server.busypoll;

import io.iobench.server.ServerThreads;
import io.iobench.server.AcceptBackoff;
import io.iobench.server.ConnectionLedger;
import io.iobench.server.EchoServer;
import io.iobench.server.ServerOptions;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The polling loop and its lifecycle: one thread, {@code busy-poll-loop}, owns the listening socket and every
 * connection and never blocks, so {@link #close()} only has to ask it to stop and wait for the current pass.
 */
final class BusyPollServer implements EchoServer {

    /** The loop's one read buffer, shared by every connection: 64 KiB, one loopback segment (the MTU of lo). */
    static final int READ_BUFFER_BYTES = 64 * 1024;

    /**
     * How often the listening socket is polled. Every accept attempt allocates a few objects inside the JDK even
     * when nothing is pending; attempted on every pass of an idle loop (millions a second) they would keep the
     * garbage collector busy and charge its pauses to this model. Polled every 100 us, a new client waits at most
     * that long, and messages on open connections are not affected.
     */
    private static final long ACCEPT_INTERVAL_NS = TimeUnit.MICROSECONDS.toNanos(100);

    /** Connections accepted in one go, so a flood of connects cannot hold up the open connections for long. */
    private static final int ACCEPTS_PER_PASS = 64;

    private final ServerSocketChannel listener;
    private final ConnectionLedger ledger;
    private final Thread loop;
    private final List<PolledConnection> connections = new ArrayList<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
    private final AcceptBackoff backoff = new AcceptBackoff();
    private long nextAcceptNs;
    private volatile boolean closed;

    private BusyPollServer(ServerSocketChannel listener, ServerOptions options) {
        this.listener = listener;
        this.ledger = new ConnectionLedger(options.maxConnections());
        this.loop = Thread.ofPlatform().name("busy-poll-loop").daemon().unstarted(this::run);
    }

    static BusyPollServer start(ServerOptions options) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        try {
            listener.bind(options.socketAddress(), options.backlog());
            listener.configureBlocking(false);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        BusyPollServer server = new BusyPollServer(listener, options);
        server.loop.start();
        return server;
    }

    private void run() {
        try {
            while (!closed) {
                if (System.nanoTime() - nextAcceptNs >= 0) {
                    acceptPending();
                }
                // Backwards, so that removing a closed connection (swapping the last one in) skips none.
                for (int i = connections.size() - 1; i >= 0; i--) {
                    if (!connections.get(i).poll(readBuffer)) {
                        PolledConnection last = connections.removeLast();
                        if (i < connections.size()) {
                            connections.set(i, last);
                        }
                    }
                }
            }
        } finally {
            connections.forEach(PolledConnection::close);
            connections.clear();
        }
    }

    private void acceptPending() {
        for (int i = 0; i < ACCEPTS_PER_PASS; i++) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException e) {
                // EMFILE and friends: the client stays queued and accept would fail again at once. Keep polling
                // the open connections and try again after the pause.
                ledger.acceptFailed();
                nextAcceptNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff.failed());
                return;
            }
            if (channel == null) {
                break;
            }
            backoff.succeeded();
            admit(channel);
        }
        nextAcceptNs = System.nanoTime() + ACCEPT_INTERVAL_NS;
    }

    private void admit(SocketChannel channel) {
        if (!ledger.admit()) {
            closeQuietly(channel);
            return;
        }
        PolledConnection connection = new PolledConnection(channel, ledger);
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException e) {
            connection.close();
            return;
        }
        connections.add(connection);
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Refused either way.
        }
    }

    @Override
    public int port() {
        return listener.socket().getLocalPort();
    }

    @Override
    public int ioThreads() {
        return 1;
    }

    @Override
    public ConnectionLedger ledger() {
        return ledger;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ServerThreads.joinUninterruptibly(loop);
        try {
            listener.close();
        } catch (IOException ignored) {
            // The port is released even when close reports an error.
        }
    }
}
