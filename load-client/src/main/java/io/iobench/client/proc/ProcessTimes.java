package io.iobench.client.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A process's CPU time at one moment, from one file ({@code /proc/PID/stat}), whatever its thread count: cheap
 * enough to read at the very edges of a measured window. It counts every thread, living and ended, in clock ticks
 * (10 ms).
 *
 * @param pid      the process
 * @param atNs     when it was read ({@link System#nanoTime()})
 * @param cpuUserS user CPU time of all its threads, living and exited, seconds (utime)
 * @param cpuSysS  system CPU time likewise, seconds (stime)
 * @param threads  threads now (num_threads)
 */
public record ProcessTimes(long pid, long atNs, double cpuUserS, double cpuSysS, int threads) {

    static final Path PROC = Path.of("/proc");
    private static final long TICKS_PER_SECOND = ClockTicks.perSecond(PROC);

    /** @throws ProcessGoneException when the process no longer exists */
    public static ProcessTimes read(long pid) throws IOException {
        try {
            long atNs = System.nanoTime();
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            // The command name in parentheses may hold spaces and parentheses: fields count from the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new ProcessTimes(pid, atNs, Long.parseLong(fields[11]) / (double) TICKS_PER_SECOND,
                    Long.parseLong(fields[12]) / (double) TICKS_PER_SECOND, Integer.parseInt(fields[17]));
        } catch (NoSuchFileException e) {
            throw new ProcessGoneException(pid);
        }
    }

    public static ProcessTimes self() throws IOException {
        return read(ProcessHandle.current().pid());
    }

    /** @return user plus system CPU seconds */
    public double cpuS() {
        return cpuUserS + cpuSysS;
    }
}
