package io.iobench.server.select;

import io.iobench.server.ServerThreads;
import io.iobench.server.ConnectionLedger;
import io.iobench.server.EchoServer;
import io.iobench.server.ServerOptions;
import io.iobench.server.select.posix.Posix;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A running select echo server: the listening socket and the wake-up eventfd, opened here, and the thread
 * {@code select-loop} running a {@link SelectLoop}, which owns the connections and its memory.
 *
 * <p>Close stops the loop through the eventfd rather than a select timeout: the loop then sleeps for as long as
 * nothing happens, and close takes effect at once instead of after up to one timeout.
 */
final class SelectServer implements EchoServer {

    private final ListeningSocket listener;
    private final int wakeFd;
    private final ConnectionLedger ledger;
    private final FdSetOverflowLog overflowLog;
    private final AtomicLong resets = new AtomicLong();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Thread thread;

    private SelectServer(ListeningSocket listener, int wakeFd, ConnectionLedger ledger, PrintStream err) {
        this.listener = listener;
        this.wakeFd = wakeFd;
        this.ledger = ledger;
        this.overflowLog = new FdSetOverflowLog(err, System::nanoTime);
        this.thread = Thread.ofPlatform().name("select-loop").start(() -> {
            try (Arena arena = Arena.ofConfined()) {
                new SelectLoop(arena, listener.fd(), wakeFd, ledger, overflowLog, resets, stopping).run();
            }
        });
    }

    /** Listens, opens the eventfd and starts the loop; on failure closes what it opened. */
    static SelectServer start(ServerOptions options, PrintStream err) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            Posix posix = new Posix(arena);
            ListeningSocket listener = ListeningSocket.open(posix, options.socketAddress(), options.backlog());
            int wakeFd = -1;
            try {
                requireWatchable(listener.fd(), "the listening socket");
                wakeFd = posix.eventfd(0, Posix.EFD_NONBLOCK | Posix.EFD_CLOEXEC);
                if (wakeFd < 0) {
                    throw new IOException("eventfd: " + Posix.describe(posix.errno()));
                }
                requireWatchable(wakeFd, "the wake-up eventfd");
                return new SelectServer(listener, wakeFd, new ConnectionLedger(options.maxConnections()), err);
            } catch (IOException | RuntimeException e) {
                if (wakeFd >= 0) {
                    posix.close(wakeFd);
                }
                posix.close(listener.fd());
                throw e;
            }
        }
    }

    private static void requireWatchable(int fd, String what) throws IOException {
        if (!FdSet.fits(fd)) {
            throw new IOException(what + " got descriptor " + fd + ", but select(2) watches only descriptors below"
                    + " FD_SETSIZE=" + FdSet.FD_SETSIZE + ": this process has too many files open");
        }
    }

    @Override
    public int port() {
        return listener.port();
    }

    @Override
    public int ioThreads() {
        return 1;
    }

    @Override
    public ConnectionLedger ledger() {
        return ledger;
    }

    /** @return connections closed at accept because their descriptor was at or above FD_SETSIZE */
    long fdSetOverflows() {
        return overflowLog.overflows();
    }

    /** @return connections closed because the peer reset them (ECONNRESET, or EPIPE on send) */
    long resets() {
        return resets.get();
    }

    @Override
    public void close() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            Posix posix = new Posix(arena);
            posix.eventfdWrite(wakeFd, 1);
            ServerThreads.joinUninterruptibly(thread);
            // Only now: closing a descriptor another thread is selecting on would let its number be reused under it.
            posix.close(listener.fd());
            posix.close(wakeFd);
        }
    }
}
