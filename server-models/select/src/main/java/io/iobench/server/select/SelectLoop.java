package io.iobench.server.select;

import io.iobench.server.AcceptBackoff;
import io.iobench.server.ConnectionLedger;
import io.iobench.server.select.posix.Posix;
import io.iobench.server.select.posix.TimeVal;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one thread of the select model: rebuild the fd_sets, call select, test every descriptor below nfds, serve the
 * ready ones, repeat. It owns every accepted descriptor and closes them all when it stops.
 *
 * <p>A readable connection gets one read per round, which keeps a fast client from starving the others. If send
 * takes less than was read, the rest is held and the connection is watched for writability only until it is sent.
 */
final class SelectLoop {

    /** Bytes read per call: bulk echo takes few calls, and a partial write copies at most this much. */
    static final int READ_BUFFER_BYTES = 64 * 1024;

    private final Posix posix;
    private final int listenFd;
    private final int wakeFd;
    private final ConnectionLedger ledger;
    private final FdSetOverflowLog overflowLog;
    private final AtomicLong resets;
    private final AtomicBoolean stopping;
    private final AcceptBackoff backoff = new AcceptBackoff();
    private final FdSet readable;
    private final FdSet writable;
    private final MemorySegment buffer;
    private final MemorySegment timeval;
    /** Indexed by descriptor: select cannot watch one beyond the array anyway. */
    private final Connection[] connections = new Connection[FdSet.FD_SETSIZE];
    private int highestConnectionFd = -1;
    private boolean listenerPaused;
    private long listenerResumeNs;

    /**
     * Allocates the sets and buffers once in {@code arena}, which must outlive the loop. Call it on the loop thread
     * with a confined arena: each downcall then checks its segments with a plain owner test, where segments of a
     * shared arena would cost an atomic acquire and release per call.
     *
     * @param resets   incremented for each connection the peer reset
     * @param stopping read once per round; whoever sets it then wakes the loop through {@code wakeFd}
     */
    SelectLoop(Arena arena, int listenFd, int wakeFd, ConnectionLedger ledger, FdSetOverflowLog overflowLog,
            AtomicLong resets, AtomicBoolean stopping) {
        this.posix = new Posix(arena);
        this.listenFd = listenFd;
        this.wakeFd = wakeFd;
        this.ledger = ledger;
        this.overflowLog = overflowLog;
        this.resets = resets;
        this.stopping = stopping;
        this.readable = new FdSet(arena);
        this.writable = new FdSet(arena);
        this.buffer = arena.allocate(READ_BUFFER_BYTES);
        this.timeval = arena.allocate(TimeVal.LAYOUT);
    }

    /** Serves until {@code stopping} is set, then closes every connection. */
    void run() {
        try {
            while (!stopping.get()) {
                selectOnce();
            }
        } finally {
            for (int fd = highestConnectionFd; fd >= 0; fd--) {
                if (connections[fd] != null) {
                    close(connections[fd]);
                }
            }
            overflowLog.flush();
        }
    }

    private void selectOnce() {
        MemorySegment timeout = listenerTimeout();
        int nfds = watch();
        if (posix.select(nfds, readable.segment(), writable.segment(), MemorySegment.NULL, timeout) < 0) {
            int errno = posix.errno();
            if (errno == Posix.EINTR) {
                return;
            }
            throw new IllegalStateException("select failed: " + Posix.describe(errno));
        }
        // The model's own cost, on top of the kernel's identical walk: every descriptor below nfds is tested,
        // however few are ready. Keep it so; an event list would make this a different model.
        for (int fd = 0; fd < nfds; fd++) {
            if (readable.isSet(fd)) {
                if (fd == listenFd) {
                    acceptAll();
                } else if (fd != wakeFd) {
                    read(connections[fd]);
                }
            } else if (writable.isSet(fd)) {
                write(connections[fd]);
            }
        }
    }

    /**
     * Rebuilds both sets, which select overwrote with its answer: the wake-up eventfd, the listener unless it backs
     * off, and each connection for reading or, while it holds unsent bytes, for writing only.
     *
     * @return nfds, the highest descriptor watched plus one
     */
    private int watch() {
        readable.clear();
        writable.clear();
        readable.set(wakeFd);
        if (!listenerPaused) {
            readable.set(listenFd);
        }
        for (int fd = 0; fd <= highestConnectionFd; fd++) {
            Connection connection = connections[fd];
            if (connection != null) {
                (connection.writing() ? writable : readable).set(fd);
            }
        }
        return Math.max(Math.max(listenFd, wakeFd), highestConnectionFd) + 1;
    }

    /**
     * Only a listener backing off gives select a deadline; otherwise select sleeps until a socket is ready or
     * {@link SelectServer#close()} writes to the eventfd, so an idle server makes no system call at all.
     */
    private MemorySegment listenerTimeout() {
        if (listenerPaused) {
            long remainingNs = listenerResumeNs - System.nanoTime();
            if (remainingNs > 0) {
                TimeVal.set(timeval, remainingNs);
                return timeval;
            }
            listenerPaused = false;
        }
        return MemorySegment.NULL;
    }

    /** Accepts until the backlog is empty, or until accept fails and the listener must rest. */
    private void acceptAll() {
        for (;;) {
            int fd = posix.accept4(listenFd, Posix.SOCK_NONBLOCK | Posix.SOCK_CLOEXEC);
            if (fd >= 0) {
                backoff.succeeded();
                admit(fd);
                continue;
            }
            int errno = posix.errno();
            if (errno == Posix.EAGAIN) {
                return;
            }
            if (errno != Posix.EINTR && errno != Posix.ECONNABORTED) {
                // EMFILE, ENFILE, ENOBUFS, ENOMEM...: the listener stays readable, so accepting again now would
                // spin. Stop watching it for a while and keep serving the connections already open.
                ledger.acceptFailed();
                listenerPaused = true;
                listenerResumeNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff.failed());
                return;
            }
        }
    }

    private void admit(int fd) {
        if (!FdSet.fits(fd)) {
            // Counted before the close: the peer sees EOF the moment the descriptor closes, and reads the counts.
            ledger.refuse();
            overflowLog.overflowed(fd);
            posix.close(fd);
            return;
        }
        if (!ledger.admit()) {
            posix.close(fd);
            return;
        }
        // Echo replies must leave at once, not wait for Nagle. Should this fail, the socket is already broken
        // and its first read says so.
        posix.setIntOption(fd, Posix.IPPROTO_TCP, Posix.TCP_NODELAY, 1);
        connections[fd] = new Connection(fd);
        highestConnectionFd = Math.max(highestConnectionFd, fd);
    }

    private void read(Connection connection) {
        long read = posix.read(connection.fd, buffer, buffer.byteSize());
        if (read > 0) {
            echo(connection, read);
        } else if (read == 0) {
            // The client shut its output. Nothing is pending (a connection holding bytes is not read), so every
            // byte it sent has been echoed: close.
            close(connection);
        } else {
            failed(connection, posix.errno());
        }
    }

    private void echo(Connection connection, long length) {
        long sent = posix.send(connection.fd, buffer, length, Posix.MSG_NOSIGNAL);
        if (sent == length) {
            return;
        }
        if (sent < 0) {
            int errno = posix.errno();
            if (errno != Posix.EAGAIN && errno != Posix.EINTR) {
                failed(connection, errno);
                return;
            }
            sent = 0;
        }
        connection.hold(buffer.asSlice(sent, length - sent));
    }

    private void write(Connection connection) {
        MemorySegment unsent = connection.unsent();
        long sent = posix.send(connection.fd, unsent, unsent.byteSize(), Posix.MSG_NOSIGNAL);
        if (sent >= 0) {
            connection.sent(sent);
        } else {
            failed(connection, posix.errno());
        }
    }

    private void failed(Connection connection, int errno) {
        if (errno == Posix.EAGAIN || errno == Posix.EINTR) {
            return; // readiness was stale, or a signal came: the next round tries again
        }
        if (errno == Posix.ECONNRESET || errno == Posix.EPIPE) {
            resets.incrementAndGet();
        }
        close(connection);
    }

    private void close(Connection connection) {
        connection.release();
        posix.close(connection.fd);
        connections[connection.fd] = null;
        while (highestConnectionFd >= 0 && connections[highestConnectionFd] == null) {
            highestConnectionFd--;
        }
        ledger.closed();
    }
}
