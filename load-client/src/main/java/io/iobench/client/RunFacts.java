package io.iobench.client;

import io.iobench.client.engine.ConnectReport;
import io.iobench.client.engine.ErrorKind;
import io.iobench.client.proc.CpuTimes;
import io.iobench.client.proc.CpuWindow;
import io.iobench.client.proc.Machine;
import io.iobench.client.proc.ProcStat;
import io.iobench.client.proc.ProcWindow;
import io.iobench.client.proc.ProcessInfo;
import io.iobench.client.proc.ServerWindow;
import io.iobench.client.proc.ThreadWindow;
import io.iobench.client.record.RunRecorder;
import io.iobench.client.record.StallRecorder;
import io.iobench.results.LoadMode;
import io.iobench.results.Rounding;
import io.iobench.results.RunProfile;
import io.iobench.results.RunResult;
import io.iobench.results.RunResult.RunFlags.Flag;
import io.iobench.results.ServerWindowFigures;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * What one run measured, built once at its end from what each of {@link LoadRun}'s phases returned, and how it
 * becomes a {@link RunResult}: every derived figure (rates, per-message costs, flags) is computed here and only here.
 *
 * @param startedAt when the run started
 * @param connected what connecting found
 * @param idle      the idle window; null when there was none or the run failed before it
 * @param window    the measured window; null when the run failed before it
 * @param drained   the latencies recorded, once the last echoes were in
 * @param errors    errors by kind over the whole run
 * @param failure   why the run failed, or null
 * @param profile   what the profilers asked for found over the window; null when none was asked for
 */
record RunFacts(Instant startedAt, Connected connected, IdleWindow idle, MeasuredWindow window, Drained drained,
                Map<ErrorKind, Long> errors, String failure, RunProfile profile) {

    /** A side using this share of its cores or more counts as saturated: the rule the server is judged by too. */
    static final double SATURATED = ServerWindowFigures.SATURATED;
    /** An open loop that achieves less than this share of its target rate missed it. */
    static final double RATE_ACHIEVED = 0.95;
    /**
     * A closed loop whose recorded mean latency is under this share of Little's law's (in flight / throughput)
     * left its slowest messages out. Complete runs with 3 s windows agreed within 4% (a sweep of commit bec765e: 0.967
     * to 1.0), with the main job's 600 ms 0.90 to 1.01; a run with a third of its connections starved shows about 0.67.
     */
    static final double LITTLE_AGREEMENT = 0.9;
    RunFacts {
        errors = Map.copyOf(errors);
    }

    /** The facts of a run asked for no profiler. */
    RunFacts(Instant startedAt, Connected connected, IdleWindow idle, MeasuredWindow window, Drained drained,
             Map<ErrorKind, Long> errors, String failure) {
        this(startedAt, connected, idle, window, drained, errors, failure, null);
    }

    /**
     * The connect phase.
     *
     * @param report              how connecting went
     * @param clientIo            how the client's IO threads talk to the kernel, as {@code client.io} spells it
     * @param serverBeforeConnect the server before any connection; null without a server pid
     * @param settled             how the connections settled before {@code serverConnected} was read
     * @param serverConnected     the server once every connection was open and settled; null without one or once
     *                            it died
     * @param serverReadNs        how long reading the server's whole snapshot took then, nanoseconds: it sets how
     *                            far ahead of the measured window the server's threads are read
     */
    record Connected(ConnectReport report, String clientIo, ProcStat serverBeforeConnect, Settled settled,
                     ProcStat serverConnected, long serverReadNs) {
    }

    /**
     * The settle after connecting: one echo on every connection, then the server holding a socket for each.
     *
     * @param firstEchoes per active connection, its first send to its first echo, microseconds; a connection that
     *                    got none is in it at its wait until the time-out, a lower bound
     * @param unanswered  active connections that got no first echo within the time-out
     * @param durationNs  how long it took, nanoseconds
     * @param complete    whether every connection echoed and the server held them all within the connect time-out
     *                    (without a server pid, only the echoes are checked)
     * @param activeOpen  active connections still open after it: those whose echo did not come back are closed
     */
    record Settled(Histogram firstEchoes, long unanswered, long durationNs, boolean complete, int activeOpen) {

        /** @return active connections that got their first echo */
        long answered() {
            return firstEchoes.getTotalCount() - unanswered;
        }
    }

    /** @param server the server over the idle window */
    record IdleWindow(ProcWindow server) {
    }

    /**
     * The measured window.
     *
     * @param measuredS   wall seconds it ran, shorter than planned when the run failed in it
     * @param openAtEnd   connections still open when it ended
     * @param serverCpu   the server's CPU between the window's edges; null without a server pid or when it died
     * @param server      every server thread, read just before and just after the window; null likewise
     * @param client      the client's CPU between the window's edges
     * @param io          the client's IO threads between the window's edges
     * @param ioThreads   how many IO threads the client ran
     * @param cpusAtStart every CPU's times at its start
     * @param cpusAtEnd   every CPU's times at its end
     * @param spinS       CPU seconds the client spent polling for pacing precision
     */
    record MeasuredWindow(double measuredS, int openAtEnd, CpuWindow serverCpu, ProcWindow server, CpuWindow client,
                          ThreadWindow io, int ioThreads, CpuTimes cpusAtStart, CpuTimes cpusAtEnd, double spinS) {

        /**
         * The share of the window the IO threads were running or waiting to run (never idle in their wait for
         * events), pacing polling left out; null where the kernel does not keep schedstat.
         */
        Double ioBusy() {
            if (!io.schedstat() || ioThreads == 0 || measuredS <= 0) {
                return null;
            }
            double busyS = (io.runNs() + io.waitNs()) / 1e9 - spinS;
            return Math.max(0, Math.min(1, busyS / (ioThreads * measuredS)));
        }
    }

    /**
     * The drain: every echo in or given up.
     *
     * @param recorder    what the IO threads recorded
     * @param uncorrected latency from the actual send over the measured window, µs
     * @param corrected   latency from the intended send, µs; null in a closed loop
     */
    record Drained(RunRecorder recorder, Histogram uncorrected, Histogram corrected) {
    }

    RunResult toResult(LoadOptions options, Machine machine, ProcessInfo clientInfo, ProcessInfo serverInfo,
                       RunResult.Route route) {
        long messages = drained.recorder().messages();
        ServerWindowFigures serverFigures = serverFigures(serverInfo);
        double measuredS = window == null ? 0 : window.measuredS();
        boolean open = options.mode() == LoadMode.OPEN;
        RunResult.Point point = open
                ? RunResult.Point.openLoop(options.model(), options.targetText(), options.connections(),
                        options.idleConnections(), options.sizeBytes(), options.rate())
                : RunResult.Point.closedLoop(options.model(), options.targetText(), options.connections(),
                        options.idleConnections(), options.sizeBytes(), options.pipeline());
        point = point.withThreads(options.serverThreads());
        RunResult.Throughput throughput = RunResult.Throughput.of(messages, options.sizeBytes(), measuredS);
        Double littleRatio = options.mode() == LoadMode.CLOSED ? littleRatio(throughput.msgsPerS(), options.pipeline())
                : null;
        StallRecorder.Stalls stalls = window == null ? null : drained.recorder().stalls();
        return RunResult.of(point,
                new RunResult.Timing(seconds(options.warmup().toNanos()), seconds(options.duration().toNanos()),
                        Rounding.round(measuredS, 3), startedAt.truncatedTo(ChronoUnit.MILLIS).toString()),
                throughput,
                new RunResult.LatencyUs(
                        RunResult.Latency.of(drained.uncorrected(), drained.recorder().uncorrectedLowerBounds()),
                        drained.corrected() == null ? null
                                : RunResult.Latency.of(drained.corrected(), drained.recorder().correctedLowerBounds()),
                        littleRatio),
                connect(),
                new RunResult.Errors(
                        errors.get(ErrorKind.CONNECT_TIMEOUT) + errors.get(ErrorKind.CONNECT_OTHER),
                        errors.get(ErrorKind.IO), errors.get(ErrorKind.RESET), errors.get(ErrorKind.CONNECT_REFUSED),
                        errors.get(ErrorKind.MISMATCH), errors.get(ErrorKind.TIMEOUT),
                        errors.get(ErrorKind.BACKLOG_OVERFLOW)),
                serverFigures == null ? null : serverFigures.server(messages),
                client(messages, clientInfo.coresAllowed(), stealPercent(clientInfo.cpusAllowed()), route),
                RunResult.RunFlags.of(flags(options, throughput.msgsPerS(), littleRatio, serverFigures, stalls),
                        stalls == null ? RunResult.Stalls.UNKNOWN : new RunResult.Stalls(
                                seconds(stalls.longestUnansweredNs()), stalls.connections(),
                                Rounding.round(stalls.longestIoThreadGapNs() / 1e6, 1)),
                        failure),
                new RunResult.Environment(machine.kernel(), machine.cpuModel(), machine.cores(), machine.jdk(),
                        machine.jvmOptions(), serverInfo == null ? null : serverInfo.jvmOptions(),
                        serverInfo == null ? null : serverInfo.commandLine(),
                        RunResult.Pinning.of(serverInfo == null ? null : serverInfo.cpusAllowed(),
                                serverInfo == null ? null : serverInfo.coresAllowed(), clientInfo.cpusAllowed(),
                                clientInfo.coresAllowed(), machine.cores()),
                        machine.hostname(), machine.tuning()),
                RunResult.Files.standard(options.mode()))
                .withProfile(profile == null ? null : profile.withMessages(messages));
    }

    /** @param stalls the measured window's stalls; null without one */
    private Set<Flag> flags(LoadOptions options, double msgsPerS, Double littleRatio, ServerWindowFigures server,
                            StallRecorder.Stalls stalls) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        Double ioBusy = window == null ? null : window.ioBusy();
        if (ioBusy != null && ioBusy >= SATURATED) {
            flags.add(server != null && server.saturated() ? Flag.BOTH_SATURATED : Flag.CLIENT_BOUND);
        }
        if (options.mode() == LoadMode.OPEN && msgsPerS < RATE_ACHIEVED * options.rate()) {
            flags.add(Flag.RATE_MISSED);
        }
        if (littleRatio != null && littleRatio < LITTLE_AGREEMENT) {
            flags.add(Flag.LATENCY_INCOMPLETE);
        }
        if (stalls != null && stalls.connections() > 0) {
            flags.add(Flag.STALLED);
        }
        if (stalls != null && stalls.longestIoThreadGapNs() >= drained.recorder().stalledNs()) {
            flags.add(Flag.CLIENT_STALLED);
        }
        if (errors.get(ErrorKind.MISMATCH) > 0) {
            flags.add(Flag.CORRUPT);
        }
        return flags;
    }

    /**
     * In a closed loop every open connection has its pipeline of messages in flight all the time, so by Little's
     * law their mean round trip is in flight / throughput: the recorded mean over that, or null when nothing was
     * measured. Connections that closed count as never open, which only makes the test milder.
     */
    private Double littleRatio(double msgsPerS, int pipeline) {
        Histogram uncorrected = drained.uncorrected();
        if (window == null || uncorrected.getTotalCount() == 0 || msgsPerS <= 0 || window.openAtEnd() == 0) {
            return null;
        }
        double littleUs = (double) window.openAtEnd() * pipeline / msgsPerS * 1e6;
        return Rounding.round(uncorrected.getMean() / littleUs, 3);
    }

    private RunResult.Connect connect() {
        ConnectReport report = connected.report();
        Settled settled = connected.settled();
        return new RunResult.Connect(report.connected(), report.failures(),
                Rounding.round(report.durationNs() / 1e6, 1),
                RunResult.FirstEcho.of(settled.firstEchoes(), settled.unanswered()), Rounding.round(settled.durationNs() / 1e6, 1),
                settled.complete());
    }

    private Double stealPercent(String cpuList) {
        if (window == null) {
            return null;
        }
        Double percent = window.cpusAtStart().stealPercent(window.cpusAtEnd(), cpuList);
        return percent == null ? null : Rounding.round(percent, 2);
    }

    /**
     * The server's figures over the measured window; null without a server pid or once it died. {@link
     * ServerWindow} reduces the readings, as it does for {@code iobench probe}.
     */
    private ServerWindowFigures serverFigures(ProcessInfo serverInfo) {
        if (window == null || window.serverCpu() == null || serverInfo == null) {
            return null;
        }
        ServerWindow server = new ServerWindow(connected.serverBeforeConnect(), connected.serverConnected(),
                connected.report().connected(), idle == null ? null : idle.server(), window.measuredS(),
                window.serverCpu(), window.server());
        return server.figures(stealPercent(serverInfo.cpusAllowed()), serverInfo.coresAllowed());
    }

    private RunResult.Client client(long messages, int coresAvailable, Double stealPct, RunResult.Route route) {
        String io = connected.clientIo();
        if (window == null) {
            return new RunResult.Client(RunResult.CpuUse.NONE, coresAvailable, io, stealPct, null, null, route);
        }
        CpuWindow client = window.client();
        Double ioWaitS = window.io().waitS();
        Double ioBusy = window.ioBusy();
        return new RunResult.Client(RunResult.CpuUse.of(client.cpuUserS(), client.cpuSysS(), client.wallS(), messages),
                coresAvailable, io, stealPct, ioWaitS == null ? null : Rounding.round(ioWaitS, 4),
                ioBusy == null ? null : Rounding.round(ioBusy, 3), route);
    }

    private static double seconds(long nanos) {
        return Rounding.round(nanos / 1e9, 3);
    }
}
