package io.iobench.results;

/**
 * The server's raw figures over one measured window, before any is divided by the messages of a run, and the one
 * place they become a {@link RunResult.Server}: the load client builds them from the /proc of a server on its own
 * host, {@code iobench probe} from the /proc of a server on the probe's host ({@link ProbeResult}), and both then
 * call {@link #server(long)} and {@link #saturated()}, so a server measured either way reads the same.
 *
 * @param pid                 the server's process id
 * @param cpuUserS            user CPU over the window, seconds (/proc/PID/stat)
 * @param cpuSysS             system CPU over the window, seconds
 * @param wallS               wall seconds between the two CPU readings at the window's edges
 * @param coresAllowed        CPUs the server may run on (its affinity): what saturation is judged against
 * @param idleCpuCores        cores used over the idle window, connections open and silent; null when there was
 *                            none
 * @param voluntarySwitches   voluntary context switches over the window, summed over the threads, scaled from the
 *                            span the threads were read over to the window
 * @param involuntarySwitches involuntary (preempted) context switches, summed and scaled likewise
 * @param runqueueWaitS       seconds the threads spent runnable but waiting for a CPU, summed and scaled likewise;
 *                            null where the kernel does not keep schedstat
 * @param busiestThreadBusy   the share of the window the busiest thread was running or waiting to run, 0 to 1;
 *                            null where the kernel does not keep schedstat
 * @param threadsExited       threads that ended in the window, whose counts after it began are missing
 * @param threads             threads at the end of the window
 * @param rssKib              resident memory at the end of the window, KiB (VmRSS)
 * @param rssPeakKib          peak resident memory at the end of the window, KiB (VmHWM)
 * @param fds                 open descriptors at the end of the window
 * @param rssBeforeConnectKib resident memory before any connection, KiB; null when not read
 * @param rssConnectedKib     resident memory once every connection was open, KiB; null when not read
 * @param connections         connections open when {@code rss_connected_kib} was read (active and idle)
 * @param cpuStealPct         the share of the time of the server's CPUs the hypervisor gave to other guests over
 *                            the window, percent (/proc/stat); null where not read
 */
public record ServerWindowFigures(long pid, double cpuUserS, double cpuSysS, double wallS, int coresAllowed,
                                  Double idleCpuCores, long voluntarySwitches, long involuntarySwitches,
                                  Double runqueueWaitS, Double busiestThreadBusy, int threadsExited, int threads,
                                  long rssKib, long rssPeakKib, int fds, Long rssBeforeConnectKib,
                                  Long rssConnectedKib, int connections, Double cpuStealPct) {

    /** A side using this share of its cores, or a thread busy this share of the window, or more, is saturated. */
    public static final double SATURATED = 0.9;
    /**
     * Fewer connections than this, and a server's growth in memory while they connect is its class loading and
     * compilation (7.5 MiB at one connection for the Netty models in a sweep of commit bec765e), not what they cost.
     */
    public static final int MEMORY_PER_CONNECTION_MIN = 100;

    /** @return these figures as a run of {@code messages} echoes reports them, per-message costs included */
    public RunResult.Server server(long messages) {
        return new RunResult.Server(pid, RunResult.CpuUse.of(cpuUserS, cpuSysS, wallS, messages),
                idleCpuCores == null ? null : Rounding.round(idleCpuCores, 4),
                RunResult.ContextSwitches.of(voluntarySwitches, involuntarySwitches, messages),
                new RunResult.ProcessSize(threads, mib(rssKib), mib(rssPeakKib), fds),
                new RunResult.ConnectionMemory(rssBeforeConnectKib == null ? 0 : mib(rssBeforeConnectKib),
                        memoryPerConnectionKib()),
                cpuStealPct == null ? null : Rounding.round(cpuStealPct, 2),
                RunResult.RunqueueWait.of(runqueueWaitS, messages),
                busiestThreadBusy == null ? null : Rounding.round(busiestThreadBusy, 3), threadsExited);
    }

    /**
     * The server was at its limit: its cores at 90% of the CPUs it may use, or its busiest thread (a single
     * reactor, one hot event loop) running or waiting to run 90% of the time.
     */
    public boolean saturated() {
        double cores = wallS > 0 ? (cpuUserS + cpuSysS) / wallS : 0;
        return cores >= SATURATED * coresAllowed || busiestThreadBusy != null && busiestThreadBusy >= SATURATED;
    }

    private Double memoryPerConnectionKib() {
        if (connections < MEMORY_PER_CONNECTION_MIN || rssBeforeConnectKib == null || rssConnectedKib == null) {
            return null;
        }
        return Rounding.round((rssConnectedKib - rssBeforeConnectKib) / (double) connections, 3);
    }

    private static double mib(long kib) {
        return Rounding.round(kib / 1024.0, 3);
    }
}
