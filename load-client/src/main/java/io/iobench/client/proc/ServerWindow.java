package io.iobench.client.proc;

import io.iobench.results.ServerWindowFigures;
import java.util.concurrent.TimeUnit;

/**
 * What was read of a server around one measured window, by the load client on the server's host or by
 * {@code iobench probe}, and the one reduction of those readings to {@link ServerWindowFigures}: the window's CPU
 * from its edges, the thread counts from snapshots just outside it scaled to it, the memory from before and after
 * connecting.
 *
 * @param beforeConnect the server before any connection; null when not read
 * @param connected     the server once every connection was open; null when not read
 * @param connections   connections open then, active and idle
 * @param idle          the server over the idle window; null when there was none
 * @param measuredS     wall seconds the measured window ran
 * @param cpu           the server's CPU between the window's edges
 * @param around        every server thread, read just before and just after the window
 */
public record ServerWindow(ProcStat beforeConnect, ProcStat connected, int connections, ProcWindow idle,
                           double measuredS, CpuWindow cpu, ProcWindow around) {

    /**
     * @param cpuStealPct  the steal of the server's CPUs over the window, percent; null where not read
     * @param coresAllowed CPUs the server may run on
     */
    public ServerWindowFigures figures(Double cpuStealPct, int coresAllowed) {
        ProcStat end = around.end();
        ThreadWindow threads = around.threads();
        double scale = threadScale();
        Double waitS = threads.waitS();
        return new ServerWindowFigures(end.pid(), coresAllowed,
                new ServerWindowFigures.Cpu(cpu.cpuUserS(), cpu.cpuSysS(), cpu.wallS(),
                        idle == null ? null : idleCores(idle)),
                new ServerWindowFigures.Threads(Math.round(threads.voluntary() * scale),
                        Math.round(threads.involuntary() * scale), waitS == null ? null : waitS * scale,
                        threads.schedstat() ? threads.busiestThreadBusy() : null, threads.exited(),
                        end.times().threads()),
                new ServerWindowFigures.Memory(end.rssKib(), end.rssPeakKib(), end.fds(),
                        beforeConnect == null ? null : beforeConnect.rssKib(),
                        connected == null ? null : connected.rssKib(), connections),
                cpuStealPct);
    }

    /**
     * How long before the measured window every server thread is read: a little more than reading them all took
     * once (at connect time), so the reading ends before the window begins and costs it nothing.
     *
     * @param snapshotNs how long one {@link ProcStat} of the server took to read, nanoseconds
     */
    public static long threadReadLeadNs(long snapshotNs) {
        return Math.max(TimeUnit.MILLISECONDS.toNanos(50), 3 * snapshotNs);
    }

    /**
     * The server's per-thread counts are read just outside the window, over a span a few milliseconds longer:
     * this scales them to the window.
     */
    double threadScale() {
        long spanNs = around.threads().wallNs();
        return spanNs > 0 ? Math.min(1, measuredS * 1e9 / spanNs) : 1;
    }

    /**
     * Cores used while idle, to the nanosecond where the kernel keeps schedstat: in clock ticks a 2 s window could
     * tell nothing finer than 0.005 cores.
     */
    private static double idleCores(ProcWindow server) {
        ThreadWindow threads = server.threads();
        return threads.schedstat() ? threads.cores() : server.cpu().cores();
    }
}
