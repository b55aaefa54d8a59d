package io.iobench.client.proc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each thread of a process has used, read from {@code /proc/PID/task/TID}: its time on a CPU and waiting
 * for one (schedstat, nanoseconds) and its context switches (status). Reading it opens three files per thread,
 * thousands for a thread per connection, so it is read outside a measured window, never at its edges.
 *
 * @param pid          the process
 * @param readStartNs  when the reading began ({@link System#nanoTime()})
 * @param readEndNs    when it ended; a thread's figures are of some moment in between
 * @param byTid        each thread by its id
 * @param schedstat    whether the kernel keeps schedstat (CONFIG_SCHED_INFO); without it run and wait times are 0
 */
public record ThreadStats(long pid, long readStartNs, long readEndNs, Map<Long, ThreadStat> byTid,
                          boolean schedstat) {

    private static final Path PROC = Path.of("/proc");
    /** strerror(ESRCH), what a read of an exiting thread's /proc files fails with. */
    private static final String ENDING_THREAD = "No such process";

    public ThreadStats {
        byTid = Map.copyOf(byTid);
    }

    /**
     * One thread's counters.
     *
     * @param name        its name (comm), at most 15 characters
     * @param runNs       time on a CPU, nanoseconds (schedstat, first field: the kernel's sum_exec_runtime)
     * @param waitNs      time runnable but waiting for a CPU, nanoseconds (schedstat, second field)
     * @param voluntary   voluntary context switches: it blocked or yielded
     * @param involuntary involuntary context switches: it was preempted
     */
    public record ThreadStat(String name, long runNs, long waitNs, long voluntary, long involuntary) {
    }

    /**
     * Reads every thread of process {@code pid}.
     *
     * @throws ProcessGoneException when the process no longer exists
     */
    public static ThreadStats read(long pid) throws IOException {
        return read(pid, null);
    }

    /**
     * Reads the threads {@code tids} of process {@code pid} only (a thread gone is left out), or every thread when
     * {@code tids} is null: a few files, cheap enough for the edges of a window.
     */
    public static ThreadStats read(long pid, Collection<Long> tids) throws IOException {
        Path tasks = PROC.resolve(Long.toString(pid)).resolve("task");
        long startNs = System.nanoTime();
        Map<Long, ThreadStat> byTid = new HashMap<>();
        boolean schedstat = true;
        try {
            for (long tid : tids != null ? tids : listTids(tasks)) {
                try {
                    long[] sched = schedstat(tasks.resolve(Long.toString(tid)));
                    schedstat &= sched != null;
                    byTid.put(tid, threadStat(tasks.resolve(Long.toString(tid)), sched));
                } catch (NoSuchFileException e) {
                    // The thread ended while the others were read.
                } catch (IOException e) {
                    if (!ENDING_THREAD.equals(e.getMessage())) {
                        throw e;
                    }
                    // Reading a thread that is exiting fails with ESRCH while its directory still lists.
                }
            }
        } catch (NoSuchFileException e) {
            throw new ProcessGoneException(pid);
        }
        return new ThreadStats(pid, startNs, System.nanoTime(), byTid, schedstat);
    }

    /**
     * The calling thread's own reading, keyed by its id: a thread that may end before another thread reads it
     * leaves this behind (see {@link #orLastReadings}).
     */
    public static Map.Entry<Long, ThreadStat> readCurrentThread() throws IOException {
        Path task = PROC.resolve("thread-self").toRealPath();
        return Map.entry(Long.parseLong(task.getFileName().toString()), threadStat(task, schedstat(task)));
    }

    /**
     * This reading, with each thread it misses (one that ended since it was listed) taken from {@code lastReadings},
     * the threads' own readings of themselves shortly before they ended.
     */
    public ThreadStats orLastReadings(Collection<Long> tids, Map<Long, ThreadStat> lastReadings) {
        Map<Long, ThreadStat> filled = new HashMap<>(byTid);
        for (long tid : tids) {
            ThreadStat last = lastReadings.get(tid);
            if (last != null) {
                filled.putIfAbsent(tid, last);
            }
        }
        return new ThreadStats(pid, readStartNs, readEndNs, filled, schedstat);
    }

    /** The ids of the threads whose name starts with {@code prefix}. */
    public List<Long> tidsNamed(String prefix) {
        return byTid.entrySet().stream().filter(e -> e.getValue().name().startsWith(prefix)).map(Map.Entry::getKey)
                .sorted().toList();
    }

    /** When the figures were taken, as one moment: the middle of the reading. */
    public long atNs() {
        return readStartNs + (readEndNs - readStartNs) / 2;
    }

    /** What the threads used from {@code earlier} to this reading, thread by thread. */
    public ThreadWindow since(ThreadStats earlier) {
        if (earlier.pid != pid) {
            throw new IllegalArgumentException("readings of two processes: " + earlier.pid + ", " + pid);
        }
        return ThreadWindow.between(earlier, this);
    }

    private static ThreadStat threadStat(Path task, long[] sched) throws IOException {
        List<String> status = Files.readAllLines(task.resolve("status"));
        return new ThreadStat(Files.readString(task.resolve("comm")).strip(),
                sched == null ? 0 : sched[0], sched == null ? 0 : sched[1],
                ProcStat.field(status, "voluntary_ctxt_switches:"),
                ProcStat.field(status, "nonvoluntary_ctxt_switches:"));
    }

    /** {@code [run ns, wait ns]}, or null where the kernel does not keep schedstat. */
    private static long[] schedstat(Path task) throws IOException {
        try {
            String[] fields = Files.readString(task.resolve("schedstat")).trim().split(" ");
            return new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1])};
        } catch (NoSuchFileException e) {
            if (!Files.exists(task.resolve("status"))) {
                throw e; // the thread is gone, not the file
            }
            return null;
        }
    }

    private static List<Long> listTids(Path tasks) throws IOException {
        List<Long> tids = new java.util.ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(tasks)) {
            for (Path task : stream) {
                tids.add(Long.parseLong(task.getFileName().toString()));
            }
        }
        return tids;
    }
}
