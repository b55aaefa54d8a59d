package io.iobench.client.proc;

import io.iobench.client.proc.ThreadStats.ThreadStat;

/**
 * What a process's threads used between two {@link ThreadStats} readings, thread by thread: a thread in both
 * counts what it used in between; a thread that started in between counts all it used (it had nothing before);
 * a thread that ended in between counts nothing, since what it used after the first reading went with it, and is
 * counted in {@link #exited()} so the loss shows. Summing the living threads at each end instead would let one
 * thread that ended take its whole life's count away from the others.
 *
 * @param wallNs      nanoseconds from the first reading to the second (their middles)
 * @param runNs       time on a CPU, summed over threads, nanoseconds
 * @param waitNs      time runnable but waiting for a CPU, summed, nanoseconds
 * @param voluntary   voluntary context switches, summed
 * @param involuntary involuntary context switches, summed
 * @param busiestRunNs the time on a CPU of the thread busiest (running or waiting to run), nanoseconds: a
 *                    single-threaded server's limit
 * @param busiestWaitNs that thread's time waiting to run, nanoseconds
 * @param started     threads that started in between
 * @param exited      threads that ended in between, whose counts since the first reading are missing
 * @param schedstat   whether both readings had run and wait times
 */
public record ThreadWindow(long wallNs, long runNs, long waitNs, long voluntary, long involuntary,
                           long busiestRunNs, long busiestWaitNs, int started, int exited, boolean schedstat) {

    static ThreadWindow between(ThreadStats before, ThreadStats after) {
        long run = 0;
        long wait = 0;
        long voluntary = 0;
        long involuntary = 0;
        long busiestRun = 0;
        long busiestWait = 0;
        int started = 0;
        for (var entry : after.byTid().entrySet()) {
            ThreadStat now = entry.getValue();
            ThreadStat then = before.byTid().get(entry.getKey());
            if (then == null) {
                started++;
                then = new ThreadStat(now.name(), 0, 0, 0, 0);
            }
            long threadRun = Math.max(0, now.runNs() - then.runNs());
            long threadWait = Math.max(0, now.waitNs() - then.waitNs());
            run += threadRun;
            wait += threadWait;
            if (threadRun + threadWait > busiestRun + busiestWait) {
                busiestRun = threadRun;
                busiestWait = threadWait;
            }
            voluntary += Math.max(0, now.voluntary() - then.voluntary());
            involuntary += Math.max(0, now.involuntary() - then.involuntary());
        }
        int exited = (int) before.byTid().keySet().stream().filter(tid -> !after.byTid().containsKey(tid)).count();
        return new ThreadWindow(after.atNs() - before.atNs(), run, wait, voluntary, involuntary, busiestRun,
                busiestWait, started, exited, before.schedstat() && after.schedstat());
    }

    /** @return seconds between the readings */
    public double wallS() {
        return wallNs / 1e9;
    }

    /** @return cores kept busy: CPU time over wall time, at nanosecond resolution; 0 for an empty window */
    public double cores() {
        return wallNs > 0 ? (double) runNs / wallNs : 0;
    }

    /** @return the share of the wall time the busiest thread was running or waiting to run, 0 to 1 */
    public double busiestThreadBusy() {
        return wallNs > 0 ? Math.min(1, (double) (busiestRunNs + busiestWaitNs) / wallNs) : 0;
    }

    /** @return seconds waited for a CPU, or null where the kernel does not keep it */
    public Double waitS() {
        return schedstat ? waitNs / 1e9 : null;
    }
}
