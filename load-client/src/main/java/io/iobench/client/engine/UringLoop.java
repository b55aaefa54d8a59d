package io.iobench.client.engine;

import io.iobench.client.uring.ChannelDescriptor;
import io.iobench.client.uring.IoUring;
import io.iobench.client.uring.ProvidedBuffers;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * An IO thread on io_uring: each connection has one multishot receive armed for the whole run, drawing buffers
 * from a ring shared by all of them; admitted messages go out as send requests, at most one in flight per
 * connection so that bytes stay in order. Each turn of the loop is one {@code io_uring_enter}: it submits the
 * sends queued since the last one and returns with the echoes that arrived, checked and recorded before the next.
 *
 * <p>What it saves against {@link SelectorLoop}: the read and write system calls per message (their entry, file
 * lookup and JNI transitions), leaving the kernel's TCP work, which is the same for both. A send's time is taken
 * when it is queued, a moment before the system call that submits it, so latency is never understated; an echo's
 * when the system call that delivered it returns.
 */
final class UringLoop extends IoLoop {

    private static final long RECV = 1L << 32;
    private static final long SEND = 2L << 32;
    private static final long CANCEL = 3L << 32;
    private static final long KIND = ~0xFFFF_FFFFL;
    private static final int SEND_FLAGS = IoUring.MSG_WAITALL | IoUring.MSG_NOSIGNAL;

    /** The longest single wait: bounds how long {@link #stop()} takes, since no other thread can enter the ring. */
    private static final long MAX_WAIT_NS = 20_000_000;
    private static final long TEAR_DOWN_NS = 2_000_000_000L;

    private static final int MIN_RX_BUFFER_BYTES = 2048;
    private static final int MAX_RX_BUFFER_BYTES = 64 * 1024;
    private static final long MAX_RX_MEMORY = 64L << 20;
    private static final int MAX_TX_SLOT_BYTES = 64 * 1024;
    private static final long MAX_TX_MEMORY = 128L << 20;
    /** Messages in flight per connection that the buffers are sized for; deeper pipelines just take more turns. */
    private static final int SIZED_FOR_IN_FLIGHT = 16;

    private final boolean[] armed;
    private final int[] sendBytes;
    private final ByteBuffer[] txSlots;
    private final long[] txAddresses;
    private final IoUring.Completions onCompletion = this::complete;
    private IoUring ring;
    private ProvidedBuffers buffers;
    private Arena arena;
    private int armedReceives;
    private int sendsInFlight;
    private long reapedNs;

    UringLoop(List<Connection> share, LoadModel load, int totalConnections, EchoSink sink, RunWindow window,
              ErrorCounts errors, LongSupplier clock, String name) {
        super(share, load, totalConnections, sink, window, errors, clock, name);
        int n = connections.length;
        armed = new boolean[n];
        sendBytes = new int[n];
        txSlots = new ByteBuffer[n];
        txAddresses = new long[n];
    }

    @Override
    void setUp() throws IOException {
        int n = Math.max(1, connections.length);
        long perConnection = (long) payloadBytes() * Math.min(load.maxOutstanding(), SIZED_FOR_IN_FLIGHT);
        int rxBytes = (int) Math.clamp(roundUpToPowerOfTwo(perConnection), MIN_RX_BUFFER_BYTES, MAX_RX_BUFFER_BYTES);
        int rxCount = (int) Math.clamp(roundUpToPowerOfTwo(2L * n), 64, 16384);
        while ((long) rxCount * rxBytes > MAX_RX_MEMORY && rxCount > 64) {
            rxCount /= 2;
        }
        int slotBytes = (int) Math.clamp(perConnection, 64, Math.max(1024, Math.min(MAX_TX_SLOT_BYTES, MAX_TX_MEMORY / n)));
        slotBytes = (slotBytes + 63) & ~63;
        // Every completion that can be pending at once has a slot: a receive per buffer, a send and a cancel per
        // connection.
        int completions = (int) Math.min(1 << 20, roundUpToPowerOfTwo(rxCount + 2L * n + 64));
        ring = IoUring.open((int) Math.min(4096, roundUpToPowerOfTwo(Math.max(64, n))), completions);
        buffers = ring.registerBuffers(0, rxCount, rxBytes);
        arena = Arena.ofConfined();
        MemorySegment slab = arena.allocate((long) slotBytes * connections.length, 64);
        for (int i = 0; i < connections.length; i++) {
            MemorySegment slot = slab.asSlice((long) i * slotBytes, slotBytes);
            txSlots[i] = slot.asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            txAddresses[i] = slot.address();
        }
        registerFiles();
    }

    private int payloadBytes() {
        return connections.length == 0 ? 1 : connections[0].messageBytes();
    }

    private static long roundUpToPowerOfTwo(long value) {
        return value <= 1 ? 1 : Long.highestOneBit(value - 1) << 1;
    }

    /** Arms the connection's receive on the file {@link #registerFiles} gave its socket. */
    @Override
    void attach(Connection connection) throws IOException {
        arm(connection.slot);
    }

    /**
     * Registers every open connection's socket, in one call, as the ring's file of the same index: from here on
     * requests name sockets by index. A closed connection's slot holds -1, an empty slot.
     */
    private void registerFiles() throws IOException {
        if (connections.length == 0) {
            return;
        }
        int[] fds = new int[connections.length];
        for (int i = 0; i < connections.length; i++) {
            fds[i] = connections[i].channel().isOpen() ? ChannelDescriptor.of(connections[i].channel()) : -1;
        }
        ring.registerFiles(fds);
    }

    private void arm(int index) throws IOException {
        ring.prepareRecvMultishot(index, buffers.group(), RECV | index);
        armed[index] = true;
        armedReceives++;
    }

    @Override
    int poll() throws IOException {
        ring.submitAndWait(0);
        return reap();
    }

    @Override
    void await(long wakeAtNs, long nowNs) throws IOException {
        ring.submitAndWait(Math.min(wakeAtNs - nowNs, MAX_WAIT_NS));
        reap();
    }

    private int reap() {
        reapedNs = clock.getAsLong();
        return ring.reap(onCompletion);
    }

    private void complete(long userData, int result, int flags) {
        long kind = userData & KIND;
        int index = (int) userData;
        if (kind == RECV) {
            received(index, result, flags);
        } else if (kind == SEND) {
            sent(index, result);
        }
    }

    private void received(int index, int result, int flags) {
        Connection connection = connections[index];
        if ((flags & IoUring.CQE_F_MORE) == 0) {
            armed[index] = false;
            armedReceives--;
        }
        boolean open = connection.channel().isOpen();
        if (result > 0) {
            int id = flags >>> IoUring.CQE_BUFFER_SHIFT;
            if (open) {
                beginReading(connection);
                boolean inStep = connection.received(buffers.buffer(id), result, reapedNs);
                buffers.recycle(id);
                if (!inStep) {
                    close(connection);
                    return;
                }
                endReading(connection);
            } else {
                buffers.recycle(id);
            }
        } else if (open && result == 0) {
            fail(connection, ErrorKind.IO); // the server closed the connection
            return;
        } else if (open && result != -IoUring.ENOBUFS && result != -IoUring.ECANCELED) {
            fail(connection, kindOf(result));
            return;
        }
        // A multishot receive ends when it ran out of buffers (they are back by the time it is resubmitted) or
        // for reasons of the kernel's own; the bytes wait in the socket. One ended by a cancel stays ended: the
        // loop is tearing down, and re-arming it would keep the teardown waiting for its full time-out.
        if (!armed[index] && result != -IoUring.ECANCELED && connection.channel().isOpen()) {
            try {
                arm(index);
            } catch (IOException e) {
                fail(connection, ErrorKind.IO);
            }
        }
    }

    private void sent(int index, int result) {
        Connection connection = connections[index];
        int offered = sendBytes[index];
        sendBytes[index] = 0;
        sendsInFlight--;
        connection.writeBlocked = false;
        if (!connection.channel().isOpen()) {
            return;
        }
        if (result < 0) {
            fail(connection, kindOf(result));
        } else if (result != offered) {
            fail(connection, ErrorKind.IO); // MSG_WAITALL sends all or fails: a short send is out of step
        } else {
            write(connection);
        }
    }

    @Override
    void write(Connection connection) {
        if (connection.writeBlocked || !connection.hasUnsent()) {
            return;
        }
        int index = connection.slot;
        ByteBuffer tx = txSlots[index].clear();
        int offered = connection.fill(tx);
        try {
            ring.prepareSend(index, txAddresses[index], offered, SEND_FLAGS, SEND | index);
        } catch (IOException e) {
            fail(connection, ErrorKind.IO);
            return;
        }
        // Sent in full or failed (MSG_WAITALL); until it completes, the slot is the kernel's.
        connection.sent(offered, clock.getAsLong());
        connection.writeBlocked = true;
        sendBytes[index] = offered;
        sendsInFlight++;
    }

    private static ErrorKind kindOf(int result) {
        return result == -IoUring.ECONNRESET || result == -IoUring.EPIPE ? ErrorKind.RESET : ErrorKind.IO;
    }

    @Override
    void detach(Connection connection) {
        int index = connection.slot;
        try {
            if (armed[index]) {
                ring.prepareCancel(RECV | index, CANCEL | index);
            }
            if (sendBytes[index] > 0) {
                ring.prepareCancel(SEND | index, CANCEL | index);
            }
            ring.submit();
        } catch (IOException e) {
            // The requests end when the ring closes.
        }
        // Else the ring's reference would keep the socket open after the channel closes its descriptor.
        ring.unregisterFile(index);
    }

    @Override
    void wake() {
        // The thread waits at most MAX_WAIT_NS at a time and then sees the stop request.
    }

    @Override
    void tearDown() {
        boolean drained = armedReceives == 0 && sendsInFlight == 0;
        if (ring != null && !drained) {
            try {
                ring.prepareCancelAll(CANCEL);
                long giveUpNs = clock.getAsLong() + TEAR_DOWN_NS;
                while (!drained && clock.getAsLong() < giveUpNs) {
                    ring.submitAndWait(MAX_WAIT_NS);
                    reap();
                    drained = armedReceives == 0 && sendsInFlight == 0;
                }
            } catch (IOException e) {
                // Left to the ring's close.
            }
        }
        // Buffers are freed only when no request can write into them; otherwise they are left to the process.
        if (buffers != null && drained) {
            buffers.close();
        }
        if (ring != null) {
            ring.close();
        }
        if (arena != null && drained) {
            arena.close();
        }
    }
}
