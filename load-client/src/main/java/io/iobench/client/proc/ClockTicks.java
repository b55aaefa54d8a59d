package io.iobench.client.proc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Clock ticks per second (USER_HZ, {@code getconf CLK_TCK}): the unit of CPU times in {@code /proc/PID/stat}.
 * The kernel hands it to every process in its auxiliary vector as {@code AT_CLKTCK}, which is where libc's
 * {@code sysconf(_SC_CLK_TCK)} finds it; we read the same entry from {@code /proc/self/auxv}.
 */
final class ClockTicks {

    /** The auxiliary vector entry type of clock ticks per second ({@code <elf.h>}). */
    private static final long AT_CLKTCK = 17;

    /**
     * USER_HZ when the vector cannot be read: Linux fixes it at 100 on every architecture a JDK runs on (it stays
     * 100 whatever CONFIG_HZ the kernel is built with, so that /proc stays stable for user space).
     */
    private static final long LINUX_USER_HZ = 100;

    private ClockTicks() {
    }

    static long perSecond(Path procRoot) {
        try {
            ByteBuffer auxv = ByteBuffer.wrap(Files.readAllBytes(procRoot.resolve("self/auxv")))
                    .order(ByteOrder.nativeOrder());
            while (auxv.remaining() >= 2 * Long.BYTES) {
                long type = auxv.getLong();
                long value = auxv.getLong();
                if (type == AT_CLKTCK && value > 0) {
                    return value;
                }
            }
        } catch (IOException e) {
            // Fall through to the ABI's value.
        }
        return LINUX_USER_HZ;
    }
}
