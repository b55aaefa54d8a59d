package io.iobench.client.engine;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * The bytes of every message, as a pure function of (connection id, sequence number, byte index), so the sender
 * writes them and the receiver checks them without storing what was sent.
 *
 * <pre>
 * bytes 0..7    the message's sequence number on its connection, little-endian
 * bytes 8..15   key(connection, sequence): a 64-bit mix of both, little-endian
 * bytes 16..    a fixed random template shared by all messages of the run
 * </pre>
 * A message shorter than 16 bytes carries the first {@code size} bytes of that layout, so a 1-byte message is the
 * low byte of its sequence number.
 *
 * <p>What the check catches, for every message size: a flipped byte; a dropped or inserted byte (the stream shifts
 * and the next header no longer matches); a truncated stream (the last echo never completes and counts as a
 * timeout). From 8 bytes up: any reordered, duplicated or lost message (the sequence number differs). From 16 bytes
 * up: a message echoed on the wrong connection (the key differs). Below 8 bytes a reorder is caught when the two
 * sequence numbers differ in their low {@code size} bytes, so a 1-byte message catches any reorder over fewer than
 * 256 messages; bytes echoed on the wrong connection are caught below 16 bytes only when the sequence numbers
 * differ in the bytes carried.
 *
 * <p>Every byte is checked, whatever the size: the header byte by byte, the body with
 * {@link MemorySegment#mismatch}, a vectorised compare against the template. On the 2-core bench VM it ran at
 * about 15 GB/s: 3 ns for a 64-byte message, 70 µs for 1 MiB, where the 1 MiB round trip itself took about 4 ms
 * on loopback. Checking everything therefore costs a few percent at most and never limits throughput, so no
 * sampling is done.
 */
final class Payload {

    /** Bytes of the header (sequence number and key) at the start of a message. */
    static final int HEADER_BYTES = 16;

    private static final ValueLayout.OfLong LITTLE_ENDIAN_LONG =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** Fixed so that two runs send the same bytes: a capture of one can be compared with the other. */
    private static final long TEMPLATE_SEED = 0x10BE_4C11_E47L;

    private final int sizeBytes;
    private final ByteBuffer template;
    private final MemorySegment templateSegment;

    Payload(int sizeBytes) {
        if (sizeBytes < 1) {
            throw new IllegalArgumentException("message size must be at least 1 byte, got " + sizeBytes);
        }
        this.sizeBytes = sizeBytes;
        byte[] random = new byte[Math.max(sizeBytes, HEADER_BYTES)];
        new SplittableRandom(TEMPLATE_SEED).nextBytes(random);
        this.template = ByteBuffer.allocateDirect(random.length).put(random).flip().asReadOnlyBuffer();
        this.templateSegment = MemorySegment.ofBuffer(template);
    }

    int sizeBytes() {
        return sizeBytes;
    }

    /**
     * Puts bytes {@code [from, to)} of message {@code sequence} of {@code connection} at the position of {@code dst}
     * and advances it; {@code dst} must have room.
     */
    void write(ByteBuffer dst, int connection, long sequence, int from, int to) {
        int headerEnd = Math.min(to, HEADER_BYTES);
        if (from == 0 && headerEnd == HEADER_BYTES) {
            // The usual case, a whole header at once: two stores, little-endian whatever the buffer's order.
            boolean little = dst.order() == ByteOrder.LITTLE_ENDIAN;
            long key = key(connection, sequence);
            dst.putLong(little ? sequence : Long.reverseBytes(sequence)).putLong(little ? key : Long.reverseBytes(key));
            from = HEADER_BYTES;
        } else if (from < headerEnd) {
            long key = key(connection, sequence);
            for (int i = from; i < headerEnd; i++) {
                dst.put(headerByte(sequence, key, i));
            }
            from = headerEnd;
        }
        if (from < to) {
            int length = to - from;
            dst.put(dst.position(), template, from, length);
            dst.position(dst.position() + length);
        }
    }

    /**
     * @return true when the {@code to - from} bytes of {@code src} starting at {@code srcOffset} are bytes
     *         {@code [from, to)} of message {@code sequence} of {@code connection}
     */
    boolean matches(MemorySegment src, long srcOffset, int connection, long sequence, int from, int to) {
        int headerEnd = Math.min(to, HEADER_BYTES);
        if (from == 0 && headerEnd == HEADER_BYTES) {
            if (src.get(LITTLE_ENDIAN_LONG, srcOffset) != sequence
                    || src.get(LITTLE_ENDIAN_LONG, srcOffset + Long.BYTES) != key(connection, sequence)) {
                return false;
            }
            srcOffset += HEADER_BYTES;
            from = HEADER_BYTES;
        } else if (from < headerEnd) {
            long key = key(connection, sequence);
            for (int i = from; i < headerEnd; i++) {
                if (src.get(ValueLayout.JAVA_BYTE, srcOffset + i - from) != headerByte(sequence, key, i)) {
                    return false;
                }
            }
            srcOffset += headerEnd - from;
            from = headerEnd;
        }
        return from >= to
                || MemorySegment.mismatch(src, srcOffset, srcOffset + (to - from), templateSegment, from, to) == -1;
    }

    private static byte headerByte(long sequence, long key, int index) {
        return (byte) (index < Long.BYTES ? sequence >>> (index * 8) : key >>> ((index - Long.BYTES) * 8));
    }

    /** SplitMix64's finaliser over both numbers: any change in either changes about half the bits. */
    static long key(int connection, long sequence) {
        long z = sequence + 0x9E37_79B9_7F4A_7C15L * (connection + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    static ByteBuffer directBuffer(int capacity) {
        return ByteBuffer.allocateDirect(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }
}
