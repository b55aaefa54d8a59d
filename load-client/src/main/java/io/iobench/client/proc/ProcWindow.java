package io.iobench.client.proc;

/**
 * What a process used between two {@link ProcStat} snapshots: its CPU in ticks ({@link #cpu()}) and, thread by
 * thread, its CPU in nanoseconds, its waits and its context switches ({@link #threads()}).
 *
 * @param start the earlier snapshot
 * @param end   the later snapshot of the same process
 */
public record ProcWindow(ProcStat start, ProcStat end) {

    public ProcWindow {
        if (start.pid() != end.pid()) {
            throw new IllegalArgumentException("snapshots of two processes: " + start.pid() + ", " + end.pid());
        }
    }

    /** @return the process's CPU between the snapshots, every thread, ended ones included, in ticks */
    public CpuWindow cpu() {
        return new CpuWindow(start.times(), end.times());
    }

    /** @return what the threads used between the snapshots, thread by thread, in nanoseconds */
    public ThreadWindow threads() {
        return end.threads().since(start.threads());
    }
}
