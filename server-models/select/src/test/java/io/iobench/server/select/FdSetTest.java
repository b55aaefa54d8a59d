package io.iobench.server.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iobench.server.select.posix.Posix;
import io.iobench.server.select.posix.TimeVal;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FdSetTest {

    private static final byte GUARD = (byte) 0xA5;

    @Test
    void holdsEachDescriptorFrom0To1023AloneAndClearEmptiesIt() {
        try (Arena arena = Arena.ofConfined()) {
            FdSet set = new FdSet(arena);
            for (int fd = 0; fd < FdSet.FD_SETSIZE; fd++) {
                set.clear();
                set.set(fd);
                for (int other = 0; other < FdSet.FD_SETSIZE; other++) {
                    if (set.isSet(other) != (other == fd)) {
                        throw new AssertionError("after set(" + fd + "), isSet(" + other + ") = " + set.isSet(other));
                    }
                }
            }
            set.clear();
            assertThat(set.segment().toArray(ValueLayout.JAVA_BYTE)).containsOnly(0);
        }
    }

    @Test
    void laysBitsOutAsGlibcDoes() {
        try (Arena arena = Arena.ofConfined()) {
            FdSet set = new FdSet(arena);
            set.set(0);
            set.set(9);
            set.set(64);
            set.set(1023);
            byte[] bytes = set.segment().toArray(ValueLayout.JAVA_BYTE);
            byte[] expected = new byte[(int) FdSet.BYTES];
            expected[0] = 0x01;
            expected[1] = 0x02;
            expected[8] = 0x01;
            expected[127] = (byte) 0x80;
            assertThat(set.segment().byteSize()).isEqualTo(128);
            assertThat(bytes).isEqualTo(expected);
        }
    }

    @Test
    void refusesDescriptorsOutsideTheSetWithoutTouchingTheBytesAfterIt() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment memory = arena.allocate(3 * FdSet.BYTES, Long.BYTES);
            memory.fill(GUARD);
            FdSet set = new FdSet(memory);
            set.clear();
            for (int fd = 0; fd < FdSet.FD_SETSIZE; fd++) {
                set.set(fd);
            }
            for (int fd : new int[] {FdSet.FD_SETSIZE, FdSet.FD_SETSIZE + 1, 2 * FdSet.FD_SETSIZE, 20_000, -1}) {
                assertThatThrownBy(() -> set.set(fd)).isInstanceOf(IndexOutOfBoundsException.class)
                        .hasMessageContaining("descriptor " + fd);
                assertThatThrownBy(() -> set.isSet(fd)).isInstanceOf(IndexOutOfBoundsException.class);
            }
            assertThat(FdSet.fits(FdSet.FD_SETSIZE - 1)).isTrue();
            assertThat(FdSet.fits(FdSet.FD_SETSIZE)).isFalse();
            assertThat(FdSet.fits(-1)).isFalse();

            assertThat(memory.asSlice(0, FdSet.BYTES).toArray(ValueLayout.JAVA_BYTE)).containsOnly(-1);
            byte[] after = memory.asSlice(FdSet.BYTES).toArray(ValueLayout.JAVA_BYTE);
            byte[] untouched = new byte[after.length];
            Arrays.fill(untouched, GUARD);
            assertThat(after).isEqualTo(untouched);
        }
    }

    @Test
    @Timeout(10)
    void agreesWithTheKernelOnWhichDescriptorIsWhich() {
        try (Arena arena = Arena.ofConfined()) {
            Posix posix = new Posix(arena);
            int ready = posix.eventfd(1, Posix.EFD_CLOEXEC);
            int idle = posix.eventfd(0, Posix.EFD_CLOEXEC);
            try {
                FdSet set = new FdSet(arena);
                set.clear();
                set.set(ready);
                set.set(idle);
                MemorySegment noWait = arena.allocate(TimeVal.LAYOUT);
                int count = posix.select(Math.max(ready, idle) + 1, set.segment(), MemorySegment.NULL,
                        MemorySegment.NULL, noWait);
                assertThat(count).isEqualTo(1);
                assertThat(set.isSet(ready)).isTrue();
                assertThat(set.isSet(idle)).isFalse();
            } finally {
                posix.close(ready);
                posix.close(idle);
            }
        }
    }
}
