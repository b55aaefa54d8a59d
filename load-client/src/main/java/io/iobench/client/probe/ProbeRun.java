package io.iobench.client.probe;

import io.iobench.client.ServerReadings;
import io.iobench.client.profile.Profilers;
import io.iobench.client.proc.CpuTimes;
import io.iobench.client.proc.CpuWindow;
import io.iobench.client.proc.ProcStat;
import io.iobench.client.proc.ProcWindow;
import io.iobench.client.proc.ProcessInfo;
import io.iobench.client.proc.ProcessTimes;
import io.iobench.client.proc.ServerWindow;
import io.iobench.options.GoSignal;
import io.iobench.options.Quantities;
import io.iobench.options.StopCause;
import io.iobench.options.StopRequests;
import io.iobench.results.ProbeResult;
import io.iobench.results.RunProfile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One probe of a server, on the clients' schedule, each step what {@code LoadRun} does on the client's side with
 * a server of its own host:
 * <ol>
 *   <li>the server's memory before any connection, then {@value #READY} on stdout and the wait for GO;</li>
 *   <li>at GO, the server once connected (the clients are armed only once all their connections settled), for the
 *       memory a connection costs;</li>
 *   <li>the idle window: the server's CPU with connections open and silent;</li>
 *   <li>the warm-up, and just before the measured window every server thread, as far ahead as reading them took
 *       at GO;</li>
 *   <li>the measured window: the server's CPU times and every CPU's at its edges, one file each, every thread
 *       just after it.</li>
 * </ol>
 * {@link ServerWindow} reduces those readings to the figures the client would have found. The probe cannot see
 * the clients: its windows line up with theirs as well as GO reached them all at once, which the
 * {@code GO clock_ms} lines of every side show. The server exiting, or a stop request, ends the probe with a
 * failed result; a stop before GO ends it with none.
 */
final class ProbeRun {

    /** The line printed once the server's memory before connecting is read: the probe waits for GO from then. */
    static final String READY = "PROBE-READY";
    /** Where in the schedule the probe was, for its reasons. */
    private static final String BEFORE = "before the measured window";
    private static final String DURING = "during the measured window";
    /** How often a wait checks that the server is still there. */
    private static final long WATCH_NS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ProbeOptions options;
    private final ProcessInfo server;
    private final ProbeResult.Host host;
    private final GoSignal go;
    private final Duration goTimeout;
    private final StopRequests stop;
    private final PrintStream protocol;
    private final ServerReadings readings;
    private PrintStream progress = System.err;
    /** What the profilers found over the window, once it ended; null before. */
    private RunProfile profile;

    /**
     * @param server    what the server process is
     * @param host      this host
     * @param go        released by a line GO; {@code goTimeout} the longest the probe waits for it
     * @param stop      ends the probe early
     * @param protocol  where {@value #READY} and the GO line go
     */
    ProbeRun(ProbeOptions options, ProcessInfo server, ProbeResult.Host host, GoSignal go, Duration goTimeout,
             StopRequests stop, PrintStream protocol) {
        this.options = options;
        this.server = server;
        this.host = host;
        this.go = go;
        this.goTimeout = goTimeout;
        this.stop = stop;
        this.protocol = protocol;
        this.readings = ServerReadings.of(options.pid());
    }

    /** Makes a profiler that cannot run say so on {@code out} (stderr by default). */
    ProbeRun reportingTo(PrintStream out) {
        this.progress = out;
        return this;
    }

    /** @return what was measured, failed or not; null when a stop was requested before GO */
    ProbeResult execute() throws IOException, InterruptedException {
        ProcStat beforeConnect = readings.snapshot();
        protocol.println(READY + " pid=" + options.pid());
        protocol.flush();
        if (go.await(goTimeout, stop) != null) {
            return stop.requested() ? null
                    : failed(null, "no GO line on stdin within " + Quantities.format(goTimeout) + " of " + READY);
        }
        protocol.println(GoSignal.releasedLine());
        protocol.flush();
        // The schedule runs from GO, as the clients' does: reading a server of thousands of threads takes
        // milliseconds that must not push the probe's windows later than theirs.
        long releasedNs = System.nanoTime();
        ProcStat connected = readings.snapshot();
        long leadNs = ServerWindow.threadReadLeadNs(System.nanoTime() - releasedNs);
        if (connected == null) {
            return failed(null, gone(BEFORE));
        }
        Path dir = options.out().toAbsolutePath().getParent();
        try (Profilers profilers = Profilers.of(options.profilers(), options.pid(), dir, progress)) {
            ProbeResult result = schedule(beforeConnect, connected, releasedNs, leadNs, profilers);
            return result.withProfile(profile != null ? profile
                    : profilers.unfinished("the probe ended before its measured window"));
        }
    }

    /** From GO on: the idle window, the warm-up (the profilers prepared before it) and the measured window. */
    private ProbeResult schedule(ProcStat beforeConnect, ProcStat connected, long releasedNs, long leadNs,
                                 Profilers profilers) throws IOException, InterruptedException {
        long idleEndNs = releasedNs + options.idleWindow().toNanos();
        Phase<ProcWindow> idle = idleWindow(idleEndNs);
        if (idle.failure() != null) {
            return failed(null, idle.failure());
        }
        long measureStartNs = idleEndNs + options.warmup().toNanos();
        profilers.prepare();
        Phase<ProcStat> warmedUp = warmUp(measureStartNs, leadNs);
        if (warmedUp.failure() != null) {
            return failed(null, warmedUp.failure());
        }
        return measure(beforeConnect, connected, idle.reading(), warmedUp.reading(), measureStartNs,
                measureStartNs + options.duration().toNanos(), profilers);
    }

    /** What a phase read, or why the probe cannot go on. */
    private record Phase<T>(T reading, String failure) {
    }

    /** The idle window, until {@code endNs}: the server over it; a null reading when there is none. */
    private Phase<ProcWindow> idleWindow(long endNs) throws IOException, InterruptedException {
        if (options.idleWindow().isZero()) {
            return new Phase<>(null, null);
        }
        ProcStat before = readings.snapshot();
        String failure = watch(endNs, BEFORE);
        ProcStat after = readings.snapshot();
        if (failure == null && (before == null || after == null)) {
            failure = gone(BEFORE);
        }
        return failure != null ? new Phase<>(null, failure) : new Phase<>(new ProcWindow(before, after), null);
    }

    /**
     * The warm-up, until {@code measureStartNs}: every server thread is read {@code leadNs} before its end, so that
     * the reading is over when the window begins.
     */
    private Phase<ProcStat> warmUp(long measureStartNs, long leadNs) throws IOException, InterruptedException {
        String failure = watch(measureStartNs - leadNs, BEFORE);
        if (failure != null) {
            return new Phase<>(null, failure);
        }
        ProcStat threads = readings.snapshot();
        failure = threads == null ? gone(BEFORE) : watch(measureStartNs, BEFORE);
        return new Phase<>(failure == null ? threads : null, failure);
    }

    /**
     * The measured window, from {@code plannedStartNs} to {@code endNs}; every thread was read just before it. The
     * profilers start and stop just after the CPU readings of each edge, as the client's do ({@code LoadRun}).
     */
    private ProbeResult measure(ProcStat beforeConnect, ProcStat connected, ProcWindow idle, ProcStat threadsBefore,
                                long plannedStartNs, long endNs, Profilers profilers)
            throws IOException, InterruptedException {
        // Without a warm-up to read the threads in, the window begins late; it still ends with the clients'.
        long startNs = Math.max(plannedStartNs, System.nanoTime());
        long startMs = System.currentTimeMillis();
        ProcessTimes cpuStart = readings.times();
        CpuTimes cpusAtStart = CpuTimes.read();
        profilers.start();
        String failure = cpuStart == null ? gone(DURING)
                : watch(endNs, DURING);
        double measuredS = (Math.min(System.nanoTime(), endNs) - startNs) / 1e9;
        ProcessTimes cpuEnd = readings.times();
        CpuTimes cpusAtEnd = CpuTimes.read();
        profile = profilers.stop();
        ProcStat threadsAfter = readings.snapshot();
        ProbeResult.Window window = new ProbeResult.Window(startMs, System.currentTimeMillis());
        // A zombie still has a /proc entry, whose readings mean nothing.
        if (failure == null && (cpuEnd == null || threadsAfter == null || !ProcStat.alive(options.pid()))) {
            failure = gone(DURING);
        }
        if (failure != null) {
            return failed(window, failure);
        }
        ServerWindow serverWindow = new ServerWindow(beforeConnect, connected, options.connections(), idle, measuredS,
                new CpuWindow(cpuStart, cpuEnd), new ProcWindow(threadsBefore, threadsAfter));
        Double stealPct = cpusAtStart.stealPercent(cpusAtEnd, server.cpusAllowed());
        return ProbeResult.measured(options.pid(), process(), host, window,
                serverWindow.figures(stealPct, server.coresAllowed()));
    }

    /**
     * Waits until {@code untilNs} watching the server and the stop requests.
     *
     * @param when where in the schedule, for the reason: {@code during the measured window}
     * @return why the probe cannot go on, or null
     */
    private String watch(long untilNs, String when) throws InterruptedException {
        for (long nowNs = System.nanoTime(); nowNs < untilNs; nowNs = System.nanoTime()) {
            if (stop.requested()) {
                return "stopped by " + stop.cause().map(StopCause::description).orElse("request") + " " + when;
            }
            if (!ProcStat.alive(options.pid())) {
                return gone(when);
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(WATCH_NS, untilNs - nowNs));
        }
        return null;
    }

    private String gone(String when) {
        return "server pid " + options.pid() + " exited " + when;
    }

    private ProbeResult failed(ProbeResult.Window window, String failure) {
        return ProbeResult.failed(options.pid(), process(), host, window, failure);
    }

    private ProbeResult.ServerProcess process() {
        return new ProbeResult.ServerProcess(server.cpusAllowed(), server.jvmOptions(), server.commandLine());
    }
}
