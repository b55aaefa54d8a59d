package io.iobench.server.select;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A glibc {@code fd_set}: {@link #FD_SETSIZE} bits in 64-bit words, descriptor {@code fd} at bit {@code fd % 64}
 * of word {@code fd / 64}. Allocated once and cleared before every select call, as select overwrites it.
 *
 * <p>Unlike the C macros, {@link #set(int)} refuses a descriptor outside the set. In C, {@code FD_SET(1024, &set)}
 * writes past the 128 bytes of the set into whatever lies next to it; here it throws, and the loop never gets that
 * far because it closes such connections at accept.
 */
final class FdSet {

    /** The descriptors an fd_set can hold, 0 to 1023: glibc's {@code __FD_SETSIZE}, fixed at compile time. */
    static final int FD_SETSIZE = 1024;
    static final long BYTES = FD_SETSIZE / Byte.SIZE;

    private final MemorySegment bits;

    FdSet(Arena arena) {
        this(arena.allocate(BYTES, JAVA_LONG.byteAlignment()));
    }

    /** Wraps {@code bits}, whose first {@link #BYTES} bytes become the set: tests place it inside a larger segment. */
    FdSet(MemorySegment bits) {
        if (bits.byteSize() < BYTES) {
            throw new IllegalArgumentException("an fd_set needs " + BYTES + " bytes, got " + bits.byteSize());
        }
        this.bits = bits.asSlice(0, BYTES, JAVA_LONG.byteAlignment());
    }

    /** @return whether {@code fd} can be watched by select: 0 &lt;= fd &lt; {@link #FD_SETSIZE} */
    static boolean fits(int fd) {
        return fd >= 0 && fd < FD_SETSIZE;
    }

    /** FD_ZERO. */
    void clear() {
        bits.fill((byte) 0);
    }

    /** FD_SET, with the bounds check C leaves out. */
    void set(int fd) {
        long offset = wordOffset(fd);
        bits.set(JAVA_LONG, offset, bits.get(JAVA_LONG, offset) | mask(fd));
    }

    /** FD_ISSET. */
    boolean isSet(int fd) {
        return (bits.get(JAVA_LONG, wordOffset(fd)) & mask(fd)) != 0;
    }

    /** @return the 128 bytes to pass to select */
    MemorySegment segment() {
        return bits;
    }

    private static long wordOffset(int fd) {
        if (!fits(fd)) {
            throw new IndexOutOfBoundsException("descriptor " + fd + " is outside an fd_set (0.." + (FD_SETSIZE - 1)
                    + "): select(2) cannot watch it");
        }
        return (long) (fd >>> 6) * Long.BYTES;
    }

    private static long mask(int fd) {
        return 1L << (fd & 63);
    }
}
