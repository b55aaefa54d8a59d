package io.iobench.client.uring;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A provided-buffer ring (Linux 5.19+): buffers the kernel picks from when a receive completes, so that a
 * multishot receive per connection needs no buffer of its own. Ten thousand connections then share a few
 * hundred buffers, and a buffer goes back to the ring as soon as its bytes have been checked.
 *
 * <p>The ring is an array of {@code {addr, len, bid}} entries in memory shared with the kernel; the tail, a 16-bit
 * index published with a release store, sits in the first entry's reserved field.
 */
public final class ProvidedBuffers implements AutoCloseable {

    private static final int REGISTER_PBUF_RING = 22;
    private static final int UNREGISTER_PBUF_RING = 23;
    private static final long ENTRY_BYTES = 16;
    private static final long TAIL_OFFSET = 14;
    private static final long PAGE_BYTES = 4096;

    private final Linux linux;
    private final int ring;
    private final int group;
    private final int count;
    private final int bytes;
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment entries;
    private final MemorySegment[] buffers;
    private final MemorySegment registration;
    private short tail;

    ProvidedBuffers(Linux linux, int ring, int group, int count, int bytes) throws IOException {
        if (Integer.bitCount(count) != 1 || count > 32768) {
            arena.close();
            throw new IllegalArgumentException("buffer count must be a power of two up to 32768, got " + count);
        }
        this.linux = linux;
        this.ring = ring;
        this.group = group;
        this.count = count;
        this.bytes = bytes;
        this.entries = arena.allocate(ENTRY_BYTES * count, PAGE_BYTES);
        MemorySegment memory = arena.allocate((long) bytes * count, 64);
        this.buffers = new MemorySegment[count];
        for (int id = 0; id < count; id++) {
            buffers[id] = memory.asSlice((long) id * bytes, bytes);
        }
        registration = arena.allocate(40, 8);
        registration.set(JAVA_LONG, 0, entries.address());
        registration.set(JAVA_INT, 8, count);
        registration.set(JAVA_SHORT, 12, (short) group);
        int result = linux.ioUringRegister(ring, REGISTER_PBUF_RING, registration.address(), 1);
        if (result < 0) {
            arena.close();
            throw new IOException("io_uring buffer ring registration failed: " + Linux.describe(result)
                    + (result == -22 ? "; Linux 5.19 or later is required" : ""));
        }
        for (int id = 0; id < count; id++) {
            recycle(id);
        }
    }

    /** @return the buffer group receives name to draw from these buffers */
    public int group() {
        return group;
    }

    public int count() {
        return count;
    }

    /** @return buffer {@code id}: what a completion flagged {@link IoUring#CQE_F_BUFFER} with that id filled */
    public MemorySegment buffer(int id) {
        return buffers[id];
    }

    /** Gives buffer {@code id} back to the kernel, once its bytes have been used. */
    public void recycle(int id) {
        long entry = (tail & (count - 1)) * ENTRY_BYTES;
        entries.set(JAVA_LONG, entry, buffers[id].address());
        entries.set(JAVA_INT, entry + 8, bytes);
        entries.set(JAVA_SHORT, entry + 12, (short) id);
        tail++;
        IoUring.SHORT.setRelease(entries, TAIL_OFFSET, tail);
    }

    /**
     * Unregisters the ring and frees the buffers. Only once no receive can use them any more: every multishot
     * receive on the ring has ended.
     */
    @Override
    public void close() {
        linux.ioUringRegister(ring, UNREGISTER_PBUF_RING, registration.address(), 1);
        arena.close();
    }
}
