package io.iobench.client.uring;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

/**
 * One io_uring instance, set up for a single thread that submits and reaps (the kernel's
 * {@code IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN}, Linux 6.1+): completions are produced only while
 * that thread is in {@link #submitAndWait}, so they arrive in batches, in its own time slice and its own cache.
 *
 * <p>Why a client wants it: with epoll every message costs a {@code write} and a {@code read} system call (and a
 * share of {@code epoll_wait}); here one {@code io_uring_enter} submits the sends of every connection that became
 * ready and collects the echoes that arrived, and a multishot receive per connection stays armed for the whole
 * run. Requests are written into the shared submission ring, completions read from the shared completion ring;
 * the rings' indexes are published with release stores and read with acquire loads, as liburing does.
 *
 * <p>Not thread-safe: the thread that opens a ring must be the only one to use it.
 */
public final class IoUring implements AutoCloseable {

    /** What a completion says: the request's user data, its result (bytes, or -errno) and its flags. */
    @FunctionalInterface
    public interface Completions {
        void complete(long userData, int result, int flags);
    }

    /** Set on a completion that used a provided buffer; its id is in the flags' upper 16 bits. */
    public static final int CQE_F_BUFFER = 1;
    /** Set on a multishot request's completion when the request stays armed. */
    public static final int CQE_F_MORE = 1 << 1;
    public static final int CQE_BUFFER_SHIFT = 16;

    /** Negative results a caller tells apart: errno values of Linux. */
    public static final int EPIPE = Linux.EPIPE;
    public static final int ECONNRESET = Linux.ECONNRESET;
    public static final int ENOBUFS = Linux.ENOBUFS;
    public static final int ECANCELED = Linux.ECANCELED;

    /** send: fail rather than raise SIGPIPE when the peer has gone. */
    public static final int MSG_NOSIGNAL = 0x4000;
    /** send: keep sending until every byte is in the socket (io_uring retries short sends, Linux 5.19+). */
    public static final int MSG_WAITALL = 0x100;

    private static final int SETUP_CQSIZE = 1 << 3;
    private static final int SETUP_CLAMP = 1 << 4;
    private static final int SETUP_SINGLE_ISSUER = 1 << 12;
    private static final int SETUP_DEFER_TASKRUN = 1 << 13;

    private static final int FEAT_SINGLE_MMAP = 1;
    private static final int FEAT_NODROP = 1 << 1;
    private static final int FEAT_FAST_POLL = 1 << 5;
    private static final int FEAT_EXT_ARG = 1 << 8;
    private static final int REQUIRED_FEATURES = FEAT_SINGLE_MMAP | FEAT_NODROP | FEAT_FAST_POLL | FEAT_EXT_ARG;

    private static final int ENTER_GETEVENTS = 1;
    private static final int ENTER_EXT_ARG = 1 << 3;
    private static final int ENTER_REGISTERED_RING = 1 << 4;

    private static final int REGISTER_FILES = 2;
    private static final int REGISTER_FILES_UPDATE = 6;
    private static final int REGISTER_RING_FDS = 20;
    private static final int UNREGISTER_RING_FDS = 21;

    private static final long OFF_SQ_RING = 0;
    private static final long OFF_SQES = 0x10000000L;

    private static final byte OP_ASYNC_CANCEL = 14;
    private static final byte OP_SEND = 26;
    private static final byte OP_RECV = 27;
    private static final byte SQE_FIXED_FILE = 1;
    private static final byte SQE_BUFFER_SELECT = 1 << 5;
    private static final short RECV_MULTISHOT = 1 << 1;
    private static final int ASYNC_CANCEL_ALL = 1;
    private static final int ASYNC_CANCEL_ANY = 1 << 2;

    private static final long SQE_BYTES = 64;
    private static final long CQE_BYTES = 16;
    private static final long PARAMS_BYTES = 120;
    private static final long GETEVENTS_ARG_BYTES = 24;

    static final VarHandle INT = JAVA_INT.varHandle();
    static final VarHandle SHORT = JAVA_SHORT.varHandle();

    private static volatile String unavailable;
    private static volatile boolean probed;

    private final Arena arena;
    private final Linux linux;
    private final int fd;
    private final MemorySegment rings;
    private final MemorySegment sqes;
    private final MemorySegment waitArg;
    private final MemorySegment timeout;
    private final MemorySegment update;
    private final MemorySegment noFile;
    /** The descriptor io_uring_enter is given: the ring's own, or its index once registered. */
    private int enterFd;
    private int enterFlags;
    private final long sqHead;
    private final long sqTail;
    private final int sqMask;
    private final int sqEntries;
    private final long cqHead;
    private final long cqTail;
    private final long cqes;
    private final int cqMask;
    private int tail;
    private int head;

    private IoUring(Arena arena, Linux linux, int fd, MemorySegment params) throws IOException {
        this.arena = arena;
        this.linux = linux;
        this.fd = fd;
        int features = params.get(JAVA_INT, 20);
        if ((features & REQUIRED_FEATURES) != REQUIRED_FEATURES) {
            linux.close(fd);
            throw new IOException("io_uring lacks features this client needs (have 0x" + Integer.toHexString(features)
                    + ", need 0x" + Integer.toHexString(REQUIRED_FEATURES) + "): Linux 6.1 or later is required");
        }
        sqEntries = params.get(JAVA_INT, 0);
        int cqEntries = params.get(JAVA_INT, 4);
        sqHead = params.get(JAVA_INT, 40);
        sqTail = params.get(JAVA_INT, 44);
        long sqArray = params.get(JAVA_INT, 64);
        cqHead = params.get(JAVA_INT, 80);
        cqTail = params.get(JAVA_INT, 84);
        cqes = params.get(JAVA_INT, 100);
        long ringBytes = Math.max(sqArray + 4L * sqEntries, cqes + CQE_BYTES * cqEntries);
        MemorySegment mappedRings;
        MemorySegment mappedSqes;
        try {
            mappedRings = linux.mmap(fd, ringBytes, OFF_SQ_RING);
            mappedSqes = linux.mmap(fd, SQE_BYTES * sqEntries, OFF_SQES);
        } catch (IOException e) {
            linux.close(fd);
            throw e;
        }
        rings = mappedRings;
        sqes = mappedSqes;
        sqMask = rings.get(JAVA_INT, params.get(JAVA_INT, 48));
        cqMask = rings.get(JAVA_INT, params.get(JAVA_INT, 88));
        // The submission ring indexes an array of SQE slots; mapping slot i to SQE i once makes it the identity.
        for (int i = 0; i < sqEntries; i++) {
            rings.set(JAVA_INT, sqArray + 4L * i, i);
        }
        tail = (int) INT.getAcquire(rings, sqTail);
        head = (int) INT.getAcquire(rings, cqHead);
        waitArg = arena.allocate(GETEVENTS_ARG_BYTES, 8);
        timeout = arena.allocate(16, 8);
        waitArg.set(JAVA_LONG, 16, timeout.address());
        update = arena.allocate(24, 8);
        noFile = arena.allocate(JAVA_INT);
        noFile.set(JAVA_INT, 0, -1);
        enterFd = fd;
        registerRing();
    }

    /**
     * Registers the ring's own descriptor (Linux 5.18+), so that each io_uring_enter skips looking it up in the
     * process's file table, which in a multi-threaded process costs two atomic operations. Optional: without it
     * the ring works the same.
     */
    private void registerRing() {
        update.set(JAVA_INT, 0, -1);
        update.set(JAVA_LONG, 8, fd);
        if (linux.ioUringRegister(fd, REGISTER_RING_FDS, update.address(), 1) == 1) {
            enterFd = update.get(JAVA_INT, 0);
            enterFlags = ENTER_REGISTERED_RING;
        }
    }

    /**
     * Sets up a ring in the calling thread, which alone may use it.
     *
     * @param submissions submission ring entries (rounded up to a power of two by the kernel)
     * @param completions completion ring entries: enough for every completion that can be pending at once
     * @throws IOException with the kernel's reason when io_uring is not available (disabled, filtered, too old)
     */
    public static IoUring open(int submissions, int completions) throws IOException {
        Arena arena = Arena.ofConfined();
        try {
            Linux linux = new Linux(arena);
            MemorySegment params = arena.allocate(PARAMS_BYTES, 8);
            params.set(JAVA_INT, 4, completions);
            params.set(JAVA_INT, 8, SETUP_CQSIZE | SETUP_CLAMP | SETUP_SINGLE_ISSUER | SETUP_DEFER_TASKRUN);
            int fd = linux.ioUringSetup(submissions, params);
            if (fd < 0) {
                throw new IOException("io_uring_setup failed: " + Linux.describe(fd)
                        + (fd == -22 ? "; Linux 6.1 or later is required" : ""));
            }
            return new IoUring(arena, linux, fd, params);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /**
     * Tries once, in the calling thread, whether this process can use io_uring as {@link #open} and
     * {@link ProvidedBuffers} need it: set up a ring, register a buffer ring, tear both down.
     *
     * @return null when it can, else why not, in one line
     */
    public static String unavailableReason() {
        if (!probed) {
            synchronized (IoUring.class) {
                if (!probed) {
                    unavailable = probe();
                    probed = true;
                }
            }
        }
        return unavailable;
    }

    private static String probe() {
        try (IoUring ring = open(8, 16); ProvidedBuffers buffers = ring.registerBuffers(0, 2, 64)) {
            return buffers.count() == 2 ? null : "io_uring buffer ring not registered";
        } catch (IOException | RuntimeException e) {
            return e.getMessage();
        }
    }

    /** Registers {@code count} buffers of {@code bytes} each as buffer group {@code group}, for multishot receives. */
    public ProvidedBuffers registerBuffers(int group, int count, int bytes) throws IOException {
        return new ProvidedBuffers(linux, fd, group, count, bytes);
    }

    /**
     * Registers {@code fds} as the ring's files 0 to {@code fds.length - 1}: requests then name a file by index
     * and skip the file-table lookup and reference counting of a plain descriptor. A registered file keeps its
     * socket open until {@link #unregisterFile} or the ring's close.
     */
    public void registerFiles(int[] fds) throws IOException {
        MemorySegment table = arena.allocate(JAVA_INT, Math.max(1, fds.length));
        MemorySegment.copy(fds, 0, table, JAVA_INT, 0, fds.length);
        int result = linux.ioUringRegister(fd, REGISTER_FILES, table.address(), fds.length);
        if (result < 0) {
            throw new IOException("io_uring file registration failed: " + Linux.describe(result));
        }
    }

    /** Drops registered file {@code index}, so that closing its descriptor closes the socket. */
    public void unregisterFile(int index) {
        update.set(JAVA_INT, 0, index);
        update.set(JAVA_INT, 4, 0);
        update.set(JAVA_LONG, 8, noFile.address());
        linux.ioUringRegister(fd, REGISTER_FILES_UPDATE, update.address(), 1);
    }

    /**
     * Queues a receive on registered file {@code file} that stays armed, each completion carrying what arrived in
     * a buffer of {@code group}.
     */
    public void prepareRecvMultishot(int file, int group, long userData) throws IOException {
        long sqe = nextSqe(OP_RECV, file, userData);
        sqes.set(JAVA_SHORT, sqe + 2, RECV_MULTISHOT);
        sqes.set(JAVA_BYTE, sqe + 1, (byte) (SQE_FIXED_FILE | SQE_BUFFER_SELECT));
        sqes.set(JAVA_SHORT, sqe + 40, (short) group);
    }

    /**
     * Queues a send of {@code length} bytes at native {@code address}, which must stay put until it completes, on
     * registered file {@code file}.
     */
    public void prepareSend(int file, long address, int length, int msgFlags, long userData) throws IOException {
        long sqe = nextSqe(OP_SEND, file, userData);
        sqes.set(JAVA_BYTE, sqe + 1, SQE_FIXED_FILE);
        sqes.set(JAVA_LONG, sqe + 16, address);
        sqes.set(JAVA_INT, sqe + 24, length);
        sqes.set(JAVA_INT, sqe + 28, msgFlags);
    }

    /** Queues the cancellation of the request whose user data is {@code target}. */
    public void prepareCancel(long target, long userData) throws IOException {
        long sqe = nextSqe(OP_ASYNC_CANCEL, -1, userData);
        sqes.set(JAVA_LONG, sqe + 16, target);
    }

    /** Queues the cancellation of every request in flight on this ring. */
    public void prepareCancelAll(long userData) throws IOException {
        long sqe = nextSqe(OP_ASYNC_CANCEL, -1, userData);
        sqes.set(JAVA_INT, sqe + 28, ASYNC_CANCEL_ALL | ASYNC_CANCEL_ANY);
    }

    private long nextSqe(byte opcode, int socket, long userData) throws IOException {
        if (tail - (int) INT.getAcquire(rings, sqHead) == sqEntries) {
            submit();
            if (tail - (int) INT.getAcquire(rings, sqHead) == sqEntries) {
                throw new IOException("io_uring submission ring stays full");
            }
        }
        long sqe = (tail & sqMask) * SQE_BYTES;
        tail++;
        for (long offset = 0; offset < SQE_BYTES; offset += 8) {
            sqes.set(JAVA_LONG, sqe + offset, 0L);
        }
        sqes.set(JAVA_BYTE, sqe, opcode);
        sqes.set(JAVA_INT, sqe + 4, socket);
        sqes.set(JAVA_LONG, sqe + 32, userData);
        return sqe;
    }

    /** Hands every queued request to the kernel without waiting. */
    public void submit() throws IOException {
        enter(0, 0, 0L);
    }

    /**
     * Hands every queued request to the kernel and runs the work that produces completions; then, unless one is
     * already there or {@code timeoutNs} is 0, waits for a completion at most {@code timeoutNs}
     * ({@link Long#MAX_VALUE}: no limit). Read what completed with {@link #reap}.
     */
    public void submitAndWait(long timeoutNs) throws IOException {
        if (timeoutNs <= 0) {
            enter(0, ENTER_GETEVENTS, 0L);
        } else if (timeoutNs == Long.MAX_VALUE) {
            enter(1, ENTER_GETEVENTS, 0L);
        } else {
            timeout.set(JAVA_LONG, 0, timeoutNs / 1_000_000_000L);
            timeout.set(JAVA_LONG, 8, timeoutNs % 1_000_000_000L);
            enter(1, ENTER_GETEVENTS | ENTER_EXT_ARG, waitArg.address());
        }
    }

    private void enter(int minComplete, int flags, long arg) throws IOException {
        int pending = tail - (int) INT.getAcquire(rings, sqHead);
        INT.setRelease(rings, sqTail, tail);
        int result = linux.ioUringEnter(enterFd, pending, minComplete, flags | enterFlags, arg,
                arg == 0 ? 0 : GETEVENTS_ARG_BYTES);
        // A time-out or a signal ends the wait; a full completion ring (EBUSY) is emptied by the next reap.
        if (result < 0 && result != -Linux.ETIME && result != -Linux.EINTR && result != -Linux.EBUSY
                && result != -Linux.EAGAIN) {
            throw new IOException("io_uring_enter failed: " + Linux.describe(result));
        }
    }

    /**
     * Passes every completion available to {@code completions}, oldest first, and frees its slot before the call,
     * so the callback may queue and submit requests.
     *
     * @return completions passed
     */
    public int reap(Completions completions) {
        int reaped = 0;
        for (int ready = (int) INT.getAcquire(rings, cqTail); head != ready; ready = (int) INT.getAcquire(rings, cqTail)) {
            while (head != ready) {
                long cqe = cqes + (head & cqMask) * CQE_BYTES;
                long userData = rings.get(JAVA_LONG, cqe);
                int result = rings.get(JAVA_INT, cqe + 8);
                int flags = rings.get(JAVA_INT, cqe + 12);
                head++;
                INT.setRelease(rings, cqHead, head);
                reaped++;
                completions.complete(userData, result, flags);
            }
        }
        return reaped;
    }

    /** Closes the ring: the kernel cancels whatever is still in flight. Free its buffers only after this. */
    @Override
    public void close() {
        if (enterFlags != 0) {
            update.set(JAVA_INT, 0, enterFd);
            linux.ioUringRegister(fd, UNREGISTER_RING_FDS, update.address(), 1);
        }
        linux.munmap(sqes);
        linux.munmap(rings);
        linux.close(fd);
        arena.close();
    }
}
