package io.iobench.client.proc;

/**
 * What a process used between two {@link ProcStat} snapshots.
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

    /** @return wall seconds between the snapshots */
    public double wallS() {
        return (end.atNs() - start.atNs()) / 1e9;
    }

    public double cpuUserS() {
        return end.cpuUserS() - start.cpuUserS();
    }

    public double cpuSysS() {
        return end.cpuSysS() - start.cpuSysS();
    }

    /** @return user plus system CPU seconds */
    public double cpuS() {
        return cpuUserS() + cpuSysS();
    }

    /** @return CPU seconds per wall second: cores kept busy on average; 0 for an empty window */
    public double cores() {
        double wallS = wallS();
        return wallS > 0 ? cpuS() / wallS : 0;
    }

    /**
     * @return voluntary context switches in the window; threads that exit take their count with them, so this is
     *         a lower bound (never negative) for a process whose threads come and go
     */
    public long ctxVoluntary() {
        return Math.max(0, end.ctxVoluntary() - start.ctxVoluntary());
    }

    /** @return involuntary context switches in the window, a lower bound like {@link #ctxVoluntary()} */
    public long ctxInvoluntary() {
        return Math.max(0, end.ctxInvoluntary() - start.ctxInvoluntary());
    }

    /**
     * @return seconds the threads spent runnable but waiting for a CPU in the window, summed over threads (so it
     *         can exceed the window's wall time), a lower bound like {@link #ctxVoluntary()}; null where the kernel
     *         does not keep it
     */
    public Double runDelayS() {
        return runDelayS(start.runDelayNs(), end.runDelayNs());
    }

    /**
     * @return seconds of run delay between two sums of it ({@link ProcStat#runDelayNs}), never negative since
     *         exiting threads take theirs with them; null when either is -1 (not kept)
     */
    public static Double runDelayS(long startNs, long endNs) {
        return startNs < 0 || endNs < 0 ? null : Math.max(0, endNs - startNs) / 1e9;
    }
}
