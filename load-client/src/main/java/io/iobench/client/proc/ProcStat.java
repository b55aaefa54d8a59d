package io.iobench.client.proc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A snapshot of what a process has used, read from /proc: the one reader of /proc in iobench, used for the server
 * (by pid) and for the client itself. Differences of two snapshots give the cost of a window.
 *
 * @param pid            the process
 * @param atNs           when the snapshot was taken ({@link System#nanoTime()})
 * @param cpuUserS       user CPU time of all its threads, living and exited, seconds (/proc/PID/stat utime)
 * @param cpuSysS        system CPU time likewise, seconds (stime)
 * @param threads        threads now (/proc/PID/stat num_threads)
 * @param rssKib         resident memory now, KiB (VmRSS)
 * @param rssPeakKib     peak resident memory, KiB (VmHWM)
 * @param fds            open file descriptors (entries of /proc/PID/fd)
 * @param ctxVoluntary   voluntary context switches summed over the living threads (/proc/PID/task/TID/status;
 *                       the process-level file covers the main thread only)
 * @param ctxInvoluntary involuntary context switches likewise
 * @param runDelayNs     time the living threads spent runnable but waiting for a CPU, summed, nanoseconds
 *                       (/proc/PID/task/TID/schedstat, second field); -1 where the kernel does not keep it
 */
public record ProcStat(long pid, long atNs, double cpuUserS, double cpuSysS, int threads, long rssKib,
                       long rssPeakKib, int fds, long ctxVoluntary, long ctxInvoluntary, long runDelayNs) {

    private static final Path PROC = Path.of("/proc");
    private static final long TICKS_PER_SECOND = ClockTicks.perSecond(PROC);

    /**
     * Reads process {@code pid}. CPU times come first so that they are the ones closest to {@link #atNs()}; the
     * other figures change slowly. Reading the threads of a process with thousands of them takes milliseconds.
     *
     * @throws ProcessGoneException when the process no longer exists
     */
    public static ProcStat read(long pid) throws IOException {
        Path dir = PROC.resolve(Long.toString(pid));
        try {
            long atNs = System.nanoTime();
            String stat = Files.readString(dir.resolve("stat"));
            // The command name in parentheses may hold spaces and parentheses: fields count from the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double userS = Long.parseLong(fields[11]) / (double) TICKS_PER_SECOND;
            double sysS = Long.parseLong(fields[12]) / (double) TICKS_PER_SECOND;
            int threads = Integer.parseInt(fields[17]);
            List<String> status = Files.readAllLines(dir.resolve("status"));
            long[] perThread = threadTotals(dir.resolve("task"));
            return new ProcStat(pid, atNs, userS, sysS, threads, field(status, "VmRSS:"), field(status, "VmHWM:"),
                    countEntries(dir.resolve("fd")), perThread[0], perThread[1], perThread[2]);
        } catch (NoSuchFileException e) {
            throw new ProcessGoneException(pid);
        }
    }

    /** Reads this JVM. */
    public static ProcStat self() throws IOException {
        return read(ProcessHandle.current().pid());
    }

    /** @return user plus system CPU seconds */
    public double cpuS() {
        return cpuUserS + cpuSysS;
    }

    /**
     * @return whether process {@code pid} exists and has not exited: a zombie (exited, not yet reaped by its
     *         parent) still has an entry in /proc but is not alive
     */
    public static boolean alive(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    /** @return voluntary and involuntary context switches and run delay (-1: not kept), summed over the threads */
    private static long[] threadTotals(Path tasks) throws IOException {
        long voluntary = 0;
        long involuntary = 0;
        long runDelayNs = 0;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(tasks)) {
            for (Path task : stream) {
                List<String> lines;
                try {
                    lines = Files.readAllLines(task.resolve("status"));
                } catch (NoSuchFileException e) {
                    continue; // the thread exited while we listed them
                }
                voluntary += field(lines, "voluntary_ctxt_switches:");
                involuntary += field(lines, "nonvoluntary_ctxt_switches:");
                if (runDelayNs >= 0) {
                    runDelayNs = addRunDelay(runDelayNs, task);
                }
            }
        }
        return new long[] {voluntary, involuntary, runDelayNs};
    }

    /**
     * @return nanoseconds the living threads of {@code pid} whose name starts with {@code threadPrefix} have spent
     *         runnable but waiting for a CPU, summed; -1 where the kernel does not keep it
     */
    public static long runDelayNs(long pid, String threadPrefix) throws IOException {
        long sum = 0;
        Path tasks = PROC.resolve(Long.toString(pid)).resolve("task");
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(tasks)) {
            for (Path task : stream) {
                String name;
                try {
                    name = Files.readString(task.resolve("comm"));
                } catch (NoSuchFileException e) {
                    continue;
                }
                if (name.startsWith(threadPrefix)) {
                    sum = addRunDelay(sum, task);
                    if (sum < 0) {
                        return -1;
                    }
                }
            }
        } catch (NoSuchFileException e) {
            throw new ProcessGoneException(pid);
        }
        return sum;
    }

    /** @return {@code sum} plus the thread's run delay; {@code sum} for a thread gone; -1 without schedstat */
    private static long addRunDelay(long sum, Path task) throws IOException {
        try {
            String[] fields = Files.readString(task.resolve("schedstat")).trim().split(" ");
            return sum + Long.parseLong(fields[1]);
        } catch (NoSuchFileException e) {
            return Files.exists(task.resolve("status")) ? -1 : sum; // a kernel without CONFIG_SCHED_INFO
        }
    }

    /** @return the first number after {@code key} at the start of a line, or 0 when absent (kernel threads) */
    static long field(List<String> lines, String key) {
        for (String line : lines) {
            if (line.startsWith(key)) {
                String rest = line.substring(key.length()).trim();
                int end = rest.indexOf(' ');
                return Long.parseLong(end < 0 ? rest : rest.substring(0, end));
            }
        }
        return 0;
    }

    private static int countEntries(Path dir) throws IOException {
        int count = 0;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path ignored : stream) {
                count++;
            }
        }
        return count;
    }
}
