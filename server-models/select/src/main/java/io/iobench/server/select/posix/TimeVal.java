package io.iobench.server.select.posix;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

/** {@code struct timeval} of Linux LP64: seconds and microseconds, two longs, 16 bytes. */
public final class TimeVal {

    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            JAVA_LONG.withName("tv_sec"),
            JAVA_LONG.withName("tv_usec"));

    private static final VarHandle SECONDS = LAYOUT.varHandle(PathElement.groupElement("tv_sec"));
    private static final VarHandle MICROS = LAYOUT.varHandle(PathElement.groupElement("tv_usec"));

    private TimeVal() {
    }

    /** Sets {@code timeval} to {@code durationNs} rounded up to the next microsecond, so a wait never ends early. */
    public static void set(MemorySegment timeval, long durationNs) {
        long micros = (durationNs + 999) / 1000;
        SECONDS.set(timeval, 0L, micros / 1_000_000);
        MICROS.set(timeval, 0L, micros % 1_000_000);
    }
}
