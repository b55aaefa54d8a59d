package io.iobench.results;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The server's raw figures over one measured window, before any is divided by the messages of a run, and the one
 * place they become a {@link RunResult.Server}: the load client builds them from the /proc of a server on its own
 * host, {@code iobench probe} from the /proc of a server on the probe's host ({@link ProbeResult}), and both then
 * call {@link #server(long)} and {@link #saturated()}, so a server measured either way reads the same. In the file
 * the three groups are flattened into one object.
 *
 * @param pid          the server's process id
 * @param coresAllowed CPUs the server may run on (its affinity): what saturation is judged against
 * @param cpu          its CPU
 * @param threads      its threads' counts
 * @param memory       its memory and descriptors
 * @param cpuStealPct  the share of the time of the server's CPUs the hypervisor gave to other guests over the
 *                     window, percent (/proc/stat); null where not read
 */
public record ServerWindowFigures(long pid, int coresAllowed, @JsonUnwrapped Cpu cpu, @JsonUnwrapped Threads threads,
                                  @JsonUnwrapped Memory memory, Double cpuStealPct) {

    /** A side using this share of its cores, or a thread busy this share of the window, or more, is saturated. */
    public static final double SATURATED = 0.9;
    /**
     * Fewer connections than this, and a server's growth in memory while they connect is its class loading and
     * compilation (7.5 MiB at one connection for the Netty models in a sweep of commit bec765e), not what they cost.
     */
    public static final int MEMORY_PER_CONNECTION_MIN = 100;

    /**
     * The server's CPU (/proc/PID/stat).
     *
     * @param cpuUserS     user CPU over the measured window, seconds
     * @param cpuSysS      system CPU over the measured window, seconds
     * @param wallS        wall seconds between the two CPU readings at the window's edges
     * @param idleCpuCores cores used over the idle window, connections open and silent; null when there was none
     */
    public record Cpu(double cpuUserS, double cpuSysS, double wallS, Double idleCpuCores) {

        /** @return CPU seconds per wall second over the window; 0 for an empty window */
        public double cores() {
            return wallS > 0 ? (cpuUserS + cpuSysS) / wallS : 0;
        }
    }

    /**
     * The server's threads over the measured window (/proc/PID/task), summed over them. They are read just outside
     * the window, over a span a few milliseconds longer, and the sums scaled from that span to the window.
     *
     * @param voluntarySwitches   voluntary context switches over the measured window, summed over the threads and
     *                            scaled from the span they were read over to the window
     * @param involuntarySwitches involuntary (preempted) context switches over the window, summed and scaled
     *                            likewise
     * @param runqueueWaitS       seconds the threads spent runnable but waiting for a CPU over the window, summed
     *                            and scaled likewise; null where the kernel does not keep schedstat
     * @param busiestThreadBusy   the share of the window the busiest thread was running or waiting to run, 0 to 1;
     *                            null where the kernel does not keep schedstat
     * @param threadsExited       threads that ended in the window, whose counts after it began are missing
     * @param threadCount         threads at the end of the window
     */
    public record Threads(long voluntarySwitches, long involuntarySwitches, Double runqueueWaitS,
                          Double busiestThreadBusy, int threadsExited, int threadCount) {
    }

    /**
     * The server's memory and descriptors (/proc/PID/status, /proc/PID/fd).
     *
     * @param rssKib              resident memory at the end of the measured window, KiB (VmRSS)
     * @param rssPeakKib          peak resident memory at the end of the window, KiB (VmHWM)
     * @param fds                 open descriptors at the end of the window
     * @param rssBeforeConnectKib resident memory before any connection, KiB; null when not read
     * @param rssConnectedKib     resident memory once every connection was open, KiB; null when not read
     * @param connections         connections open when {@code rss_connected_kib} was read; under 100 the growth
     *                            per connection tells nothing and is left out
     */
    public record Memory(long rssKib, long rssPeakKib, int fds, Long rssBeforeConnectKib, Long rssConnectedKib,
                         int connections) {

        /** @return growth from before connecting to connected, per connection, KiB; null when it tells nothing */
        Double perConnectionKib() {
            if (connections < MEMORY_PER_CONNECTION_MIN || rssBeforeConnectKib == null || rssConnectedKib == null) {
                return null;
            }
            return Rounding.round((rssConnectedKib - rssBeforeConnectKib) / (double) connections, 3);
        }
    }

    /** @return these figures as a run of {@code messages} echoes reports them, per-message costs included */
    public RunResult.Server server(long messages) {
        return new RunResult.Server(pid, RunResult.CpuUse.of(cpu.cpuUserS(), cpu.cpuSysS(), cpu.wallS(), messages),
                cpu.idleCpuCores() == null ? null : Rounding.round(cpu.idleCpuCores(), 4),
                RunResult.ContextSwitches.of(threads.voluntarySwitches(), threads.involuntarySwitches(), messages),
                new RunResult.ProcessSize(threads.threadCount(), mib(memory.rssKib()), mib(memory.rssPeakKib()),
                        memory.fds()),
                new RunResult.ConnectionMemory(
                        memory.rssBeforeConnectKib() == null ? 0 : mib(memory.rssBeforeConnectKib()),
                        memory.perConnectionKib()),
                cpuStealPct == null ? null : Rounding.round(cpuStealPct, 2),
                RunResult.RunqueueWait.of(threads.runqueueWaitS(), messages),
                threads.busiestThreadBusy() == null ? null : Rounding.round(threads.busiestThreadBusy(), 3),
                threads.threadsExited());
    }

    /**
     * The server was at its limit: its cores at 90% of the CPUs it may use, or its busiest thread (a single
     * reactor, one hot event loop) running or waiting to run 90% of the time.
     */
    public boolean saturated() {
        Double busiest = threads.busiestThreadBusy();
        return cpu.cores() >= SATURATED * coresAllowed || busiest != null && busiest >= SATURATED;
    }

    private static double mib(long kib) {
        return Rounding.round(kib / 1024.0, 3);
    }
}
