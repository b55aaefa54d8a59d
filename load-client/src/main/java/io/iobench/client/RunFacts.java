package io.iobench.client;

import io.iobench.client.engine.ConnectReport;
import io.iobench.client.engine.ErrorKind;
import io.iobench.client.proc.CpuTimes;
import io.iobench.client.proc.Machine;
import io.iobench.client.proc.ProcStat;
import io.iobench.client.proc.ProcWindow;
import io.iobench.client.proc.ProcessInfo;
import io.iobench.client.record.IntervalReporter;
import io.iobench.client.record.RunRecorder;
import io.iobench.client.result.RunResult;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one run measured, gathered by {@link LoadRun} as it goes, and how it becomes a {@link RunResult}: every
 * derived figure (rates, per-message costs, flags) is computed here and only here.
 */
final class RunFacts {

    /** A side using this share of its cores or more counts as saturated. */
    static final double SATURATED = 0.9;
    /** An open loop that achieves less than this share of its target rate missed it. */
    static final double RATE_ACHIEVED = 0.95;
    /**
     * A closed loop whose recorded mean latency is under this share of Little's law's (in flight / throughput)
     * left its slowest messages out. Complete runs agree within 2%.
     */
    static final double LITTLE_AGREEMENT = 0.5;

    final Instant startedAt;
    ProcStat serverBeforeConnect;
    ProcStat serverConnected;
    ConnectReport connect;
    /** The server over the idle window; null without one. */
    ProcWindow serverIdle;
    /** The server over the measured window; null without a server pid or when it died. */
    ProcWindow server;
    /** The client over the measured window; null when the run failed before it. */
    ProcWindow client;
    /** Seconds the client's IO threads waited for a CPU in the measured window; null when not known. */
    Double clientIoRunDelayS;
    /** Every CPU's times at the start and the end of the measured window; null when the run failed before it. */
    CpuTimes cpusAtStart;
    CpuTimes cpusAtEnd;
    double measuredS;
    /** Connections still open when the measured window ended. */
    int openAtEnd;
    /** CPU seconds the client spent polling for pacing precision in the measured window. */
    double spinS;
    RunRecorder recorder;
    /** How the client's IO threads talked to the kernel ({@link io.iobench.client.engine.ClientIo#label()}). */
    String clientIo;
    Histogram uncorrected;
    Histogram corrected;
    Map<ErrorKind, Long> errors;
    String failure;

    RunFacts(Instant startedAt) {
        this.startedAt = startedAt;
    }

    /** Keeps the measured window's latency totals. */
    void latency(IntervalReporter reporter) {
        uncorrected = reporter.uncorrected();
        corrected = reporter.corrected();
    }

    RunResult toResult(LoadOptions options, Machine machine, ProcessInfo clientInfo, ProcessInfo serverInfo) {
        long messages = recorder.messages();
        boolean open = options.rate() != null;
        double msgsPerS = measuredS > 0 ? messages / measuredS : 0;
        RunResult.Server serverResult = serverResult(messages,
                serverInfo == null ? null : stealPercent(serverInfo.cpusAllowed()));
        RunResult.Client clientResult = clientResult(messages, clientInfo.coresAllowed(),
                stealPercent(clientInfo.cpusAllowed()));
        boolean clientBound = client != null
                && (client.cpuS() - spinS) / client.wallS() >= SATURATED * clientInfo.coresAllowed()
                && !(server != null && serverInfo != null
                && server.cores() >= SATURATED * serverInfo.coresAllowed());
        return new RunResult(RunResult.SCHEMA, options.model(), options.targetText(), options.connections(),
                options.idleConnections(), options.sizeBytes(), open ? "open" : "closed",
                open ? null : options.pipeline(), options.rate(),
                seconds(options.warmup().toNanos()), seconds(options.duration().toNanos()), round(measuredS, 3),
                startedAt.truncatedTo(ChronoUnit.MILLIS).toString(),
                new RunResult.Throughput(messages, round(msgsPerS, 1),
                        round(msgsPerS * options.sizeBytes() / (1024.0 * 1024.0), 3)),
                new RunResult.LatencyUs(latency(uncorrected), corrected == null ? null : latency(corrected)),
                new RunResult.Connect(connect.connected(), connect.failures(), round(connect.durationNs() / 1e6, 1),
                        firstEcho(recorder.firstEchoes())),
                new RunResult.Errors(
                        errors.get(ErrorKind.CONNECT_TIMEOUT) + errors.get(ErrorKind.CONNECT_OTHER),
                        errors.get(ErrorKind.IO), errors.get(ErrorKind.RESET), errors.get(ErrorKind.CONNECT_REFUSED),
                        errors.get(ErrorKind.MISMATCH), errors.get(ErrorKind.TIMEOUT),
                        errors.get(ErrorKind.BACKLOG_OVERFLOW)),
                serverResult, clientResult,
                new RunResult.RunFlags(clientBound, open && msgsPerS < RATE_ACHIEVED * options.rate(),
                        !open && latencyIncomplete(msgsPerS, options.pipeline()), failure != null, failure),
                new RunResult.Environment(machine.kernel(), machine.cpuModel(), machine.cores(), machine.jdk(),
                        machine.jvmOptions(), serverInfo == null ? null : serverInfo.jvmOptions(),
                        serverInfo == null ? null : serverInfo.commandLine(),
                        new RunResult.Pinning(serverInfo == null ? null : serverInfo.cpusAllowed(),
                                clientInfo.cpusAllowed()),
                        machine.hostname()),
                new RunResult.Files(LoadCommand.UNCORRECTED_HGRM, open ? LoadCommand.CORRECTED_HGRM : null,
                        LoadCommand.HLOG));
    }

    /**
     * In a closed loop every open connection has its pipeline of messages in flight all the time, so by Little's
     * law their mean round trip is in flight / throughput. Connections that closed count as never open, which
     * only makes the test milder.
     */
    private boolean latencyIncomplete(double msgsPerS, int pipeline) {
        if (uncorrected == null || uncorrected.getTotalCount() == 0 || msgsPerS <= 0 || openAtEnd == 0) {
            return false;
        }
        double littleUs = (double) openAtEnd * pipeline / msgsPerS * 1e6;
        return uncorrected.getMean() < LITTLE_AGREEMENT * littleUs;
    }

    private Double stealPercent(String cpuList) {
        if (cpusAtStart == null || cpusAtEnd == null) {
            return null;
        }
        Double percent = cpusAtStart.stealPercent(cpusAtEnd, cpuList);
        return percent == null ? null : round(percent, 2);
    }

    private RunResult.Server serverResult(long messages, Double stealPct) {
        if (server == null) {
            return null;
        }
        ProcStat end = server.end();
        int connected = connect.connected();
        Double runDelayS = server.runDelayS();
        return new RunResult.Server(end.pid(), round(server.cpuUserS(), 3), round(server.cpuSysS(), 3),
                round(server.cores(), 4), perMessage(server.cpuS() * 1e6, messages),
                serverIdle == null ? null : round(serverIdle.cores(), 4),
                server.ctxVoluntary(), server.ctxInvoluntary(),
                perMessage(server.ctxVoluntary() + server.ctxInvoluntary(), messages),
                end.threads(), mib(end.rssKib()), mib(end.rssPeakKib()), end.fds(),
                serverBeforeConnect == null ? 0 : mib(serverBeforeConnect.rssKib()),
                connected == 0 || serverBeforeConnect == null || serverConnected == null ? null
                        : round((serverConnected.rssKib() - serverBeforeConnect.rssKib()) / (double) connected, 3),
                stealPct, runDelayS == null ? null : round(runDelayS, 4),
                runDelayS == null ? null : perMessage(runDelayS * 1e6, messages));
    }

    private RunResult.Client clientResult(long messages, int coresAvailable, Double stealPct) {
        if (client == null) {
            return new RunResult.Client(0, 0, 0, null, coresAvailable, clientIo, stealPct, null);
        }
        return new RunResult.Client(round(client.cpuUserS(), 3), round(client.cpuSysS(), 3),
                round(client.cores(), 4), perMessage(client.cpuS() * 1e6, messages), coresAvailable, clientIo,
                stealPct, clientIoRunDelayS == null ? null : round(clientIoRunDelayS, 4));
    }

    private static RunResult.Latency latency(Histogram h) {
        return new RunResult.Latency(h.getTotalCount(), round(h.getMean(), 1), h.getValueAtPercentile(50),
                h.getValueAtPercentile(90), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9),
                h.getValueAtPercentile(99.99), h.getMaxValue());
    }

    private static RunResult.FirstEcho firstEcho(Histogram h) {
        return h.getTotalCount() == 0 ? null
                : new RunResult.FirstEcho(h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getMaxValue());
    }

    private static Double perMessage(double amount, long messages) {
        return messages == 0 ? null : round(amount / messages, 3);
    }

    private static double mib(long kib) {
        return round(kib / 1024.0, 3);
    }

    private static double seconds(long nanos) {
        return round(nanos / 1e9, 3);
    }

    /** Rounds for the file: figures past these decimals are below what was measured. */
    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
