package io.iobench.client.proc;

/**
 * The CPU a process used between two {@link ProcessTimes}, in clock ticks: over a window of seconds at a core's
 * load, a fraction of a percent.
 *
 * @param start the earlier reading
 * @param end   the later reading of the same process
 */
public record CpuWindow(ProcessTimes start, ProcessTimes end) {

    public CpuWindow {
        if (start.pid() != end.pid()) {
            throw new IllegalArgumentException("readings of two processes: " + start.pid() + ", " + end.pid());
        }
    }

    /** @return wall seconds between the readings */
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
}
