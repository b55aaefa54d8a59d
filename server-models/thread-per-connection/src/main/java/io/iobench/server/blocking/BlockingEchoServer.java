package io.iobench.server.blocking;

import io.iobench.server.ServerThreads;
import io.iobench.server.AcceptBackoff;
import io.iobench.server.ConnectionLedger;
import io.iobench.server.EchoServer;
import io.iobench.server.ServerOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The echo server the blocking models share. One acceptor thread blocks in {@code accept()} and hands each
 * admitted socket to an executor; the executor is the whole difference between the models: a new platform thread
 * per connection, a fixed pool, or a virtual thread per connection.
 */
final class BlockingEchoServer implements EchoServer {

    private final ServerSocket listener;
    private final ConnectionLedger ledger;
    private final ExecutorService connectionThreads;
    private final int ioThreads;
    private final Set<BlockingConnection> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private BlockingEchoServer(ServerSocket listener, ServerOptions options, String threadPrefix, int ioThreads,
                               ExecutorService connectionThreads) {
        this.listener = listener;
        this.ioThreads = ioThreads;
        this.ledger = new ConnectionLedger(options.maxConnections());
        this.connectionThreads = connectionThreads;
        this.acceptor = Thread.ofPlatform().name(threadPrefix + "-acceptor").daemon().unstarted(this::acceptLoop);
    }

    /**
     * Binds, then starts the acceptor.
     *
     * @param threadPrefix      names the acceptor thread {@code PREFIX-acceptor}
     * @param ioThreads         the executor's workers, or 0 for a thread per connection
     * @param connectionThreads creates the executor that runs each connection, once the address is bound
     */
    static BlockingEchoServer start(ServerOptions options, String threadPrefix, int ioThreads,
                                    Supplier<ExecutorService> connectionThreads) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.bind(options.socketAddress(), options.backlog());
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        BlockingEchoServer server = new BlockingEchoServer(listener, options, threadPrefix, ioThreads,
                connectionThreads.get());
        server.acceptor.start();
        return server;
    }

    private void acceptLoop() {
        AcceptBackoff backoff = new AcceptBackoff();
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                // EMFILE and friends: the pending connection stays queued and accept would fail again at once.
                ledger.acceptFailed();
                if (!backoff.pauseAfterFailure()) {
                    return;
                }
                continue;
            }
            backoff.succeeded();
            if (!serve(socket) && !backoff.pauseAfterFailure()) {
                return;
            }
        }
    }

    /** @return false when no thread could be had for the connection, which was then closed */
    private boolean serve(Socket socket) {
        if (!ledger.admit()) {
            closeRefused(socket);
            return true;
        }
        BlockingConnection connection = new BlockingConnection(socket, ledger, open);
        try {
            socket.setTcpNoDelay(true);
            connectionThreads.execute(connection);
            return true;
        } catch (IOException | RejectedExecutionException e) {
            connection.close();
            return true;
        } catch (OutOfMemoryError e) {
            // The host's thread limit: where thread-per-connection breaks. Drop this client, count it like a
            // failed accept and back off, rather than letting the acceptor die.
            connection.close();
            ledger.acceptFailed();
            return false;
        }
    }

    private static void closeRefused(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Refused either way.
        }
    }

    @Override
    public int port() {
        return listener.getLocalPort();
    }

    @Override
    public int ioThreads() {
        return ioThreads;
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
        try {
            listener.close();
        } catch (IOException ignored) {
            // The port is released even when close reports an error.
        }
        acceptor.interrupt(); // cuts short a backoff pause
        ServerThreads.joinUninterruptibly(acceptor);
        // No connection can be added now. Closing the sockets unblocks every thread in read or write; tasks still
        // queued in a pool run, find their socket closed and end at once.
        open.forEach(BlockingConnection::close);
        connectionThreads.close();
    }
}
