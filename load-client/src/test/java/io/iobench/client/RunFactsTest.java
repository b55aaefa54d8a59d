package io.iobench.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.client.engine.ConnectReport;
import io.iobench.client.engine.ErrorKind;
import io.iobench.client.proc.CpuTimes;
import io.iobench.client.proc.CpuWindow;
import io.iobench.client.proc.Machine;
import io.iobench.client.proc.ProcStat;
import io.iobench.client.proc.ProcWindow;
import io.iobench.client.proc.ProcessInfo;
import io.iobench.client.proc.ProcessTimes;
import io.iobench.client.proc.ServerWindow;
import io.iobench.client.proc.ThreadStats;
import io.iobench.client.proc.ThreadStats.ThreadStat;
import io.iobench.client.proc.ThreadWindow;
import io.iobench.client.record.RunRecorder;
import io.iobench.results.HostTuning;
import io.iobench.results.LatencyHistograms;
import io.iobench.results.RunResult;
import io.iobench.results.RunResult.RunFlags.Flag;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which side was the limit, from what each side's busiest threads did: the client's IO threads against the server's
 * cores and its busiest thread; which side stalled; whether the echoes were right. Built from readings, not from a
 * run, so each case is exactly the one it names.
 */
class RunFactsTest {

    private static final long MS = 1_000_000L;
    private static final long WINDOW_NS = 3_000_000_000L;
    private static final long SERVER_PID = 42;
    private static final LoadOptions OPTIONS = LoadOptions.builder(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 4000), 100).serverPid(SERVER_PID)
            .duration(Duration.ofNanos(WINDOW_NS)).out(Path.of("unused")).build();
    private static final HostTuning TUNING = new HostTuning("ro quiet", "performance", 800_000L, 3_500_000L, "never",
            4096, List.of(4096L, 131_072L, 6_291_456L), List.of(4096L, 16_384L, 4_194_304L), 0, 0, "tsc", true,
            Map.of("meltdown", "Not affected"), false, null);

    @Test
    void aClientWhoseIoThreadNeverIdledAgainstAServerWithRoomIsClientBound() throws IOException {
        RunResult result = result(0.95, 0.5, 0.5);

        assertThat(result.flags().raised()).containsExactly(Flag.CLIENT_BOUND);
        assertThat(result.client().ioBusy()).isEqualTo(0.95);
        assertThat(result.server().busiestThreadBusy()).isEqualTo(0.5);
    }

    @Test
    void bothAtTheirLimitIsThePairNotTheClient() throws IOException {
        assertThat(result(0.95, 0.95, 0.95).flags().raised()).containsExactly(Flag.BOTH_SATURATED);
        // A server with room in its cores but one event loop never idle is at its limit too.
        assertThat(result(0.95, 0.5, 0.93).flags().raised()).containsExactly(Flag.BOTH_SATURATED);
    }

    /* Before, the whole client process was weighed against all its CPUs: a busy IO thread on two CPUs never was. */
    @Test
    void aClientWithRoomIsNoLimitHoweverBusyTheServer() throws IOException {
        assertThat(result(0.7, 0.99, 0.99).flags().raised()).isEmpty();
    }

    @Test
    void aConnectionUnansweredForATenthOfTheWindowStallsTheRun() throws IOException {
        RunRecorder recorder = new RunRecorder(0, WINDOW_NS, false);
        recorder.unanswered(5, 1000 * MS, 2500 * MS);
        recorder.unanswered(6, 1000 * MS, 1299 * MS);  // under a tenth of 3 s

        RunResult result = result(0.5, 0.5, 0.5, recorder, noErrors());

        assertThat(result.flags().raised()).containsExactly(Flag.STALLED);
        assertThat(result.flags().stalls()).isEqualTo(new RunResult.Stalls(1.5, 1, 0.0));
    }

    @Test
    void anIoThreadThatDidNotRunForATenthOfTheWindowStallsTheClientNotTheServer() throws IOException {
        RunRecorder recorder = new RunRecorder(0, WINDOW_NS, false);
        // Stopped for a second: the echoes came meanwhile and waited unread.
        recorder.ioThreadStalled(1000 * MS, 2002 * MS);
        recorder.unanswered(5, 990 * MS, 2010 * MS);

        RunResult result = result(0.5, 0.5, 0.5, recorder, noErrors());

        assertThat(result.flags().raised()).containsExactly(Flag.CLIENT_STALLED);
        assertThat(result.flags().stalls()).isEqualTo(new RunResult.Stalls(0.0, 0, 1002.0));
    }

    @Test
    void oneWrongEchoMakesTheRunCorrupt() throws IOException {
        Map<ErrorKind, Long> errors = noErrors();
        errors.put(ErrorKind.MISMATCH, 1L);

        RunResult result = result(0.5, 0.5, 0.5, new RunRecorder(0, WINDOW_NS, false), errors);

        assertThat(result.flags().raised()).containsExactly(Flag.CORRUPT);
        assertThat(result.flags().invalid()).isTrue();
        assertThat(result.flags().failed()).as("it completed, with figures that mean nothing").isFalse();
    }

    /* The probe on a server's own host reduces its readings by the same ServerWindow: nothing to drift apart. */
    @Test
    void theServersPartIsWhatItsWindowReadingsReduceTo() throws IOException {
        ProcStat before = server(0, 0, 0);
        ProcStat after = server(WINDOW_NS, Math.round(0.4 * WINDOW_NS), Math.round(0.6 * WINDOW_NS));
        CpuTimes cpus = CpuTimes.read();
        ServerWindow readings = new ServerWindow(before, before, 100, null, WINDOW_NS / 1e9,
                new CpuWindow(before.times(), after.times()), new ProcWindow(before, after));

        RunResult result = result(0.5, 0.6, 0.4);

        assertThat(result.server()).isEqualTo(readings.figures(cpus.stealPercent(cpus, "0"), 1).server(0));
        assertThat(result.server().cpu().cpuCores()).isEqualTo(0.6);
    }

    @Test
    void theEnvironmentRecordsTheHostsTuning() throws IOException {
        assertThat(result(0.5, 0.5, 0.5).environment().tuning()).isEqualTo(TUNING);
    }

    private static RunResult result(double ioBusy, double serverCores, double busiestThread) throws IOException {
        return result(ioBusy, serverCores, busiestThread, new RunRecorder(0, WINDOW_NS, false), noErrors());
    }

    /**
     * @param ioBusy        the share of the window the client's one IO thread ran or waited to run
     * @param serverCores   the server's cores over the window (its CPUs: one)
     * @param busiestThread the share of the window the server's busiest thread ran or waited to run
     * @param recorder      what the IO threads recorded
     * @param errors        errors by kind
     */
    private static RunResult result(double ioBusy, double serverCores, double busiestThread, RunRecorder recorder,
                                    Map<ErrorKind, Long> errors) throws IOException {
        long ioNs = Math.round(ioBusy * WINDOW_NS);
        ThreadWindow io = new ThreadWindow(WINDOW_NS, ioNs * 9 / 10, ioNs / 10, 0, 0, ioNs * 9 / 10, ioNs / 10, 0, 0,
                true);
        ProcStat serverBefore = server(0, 0, 0);
        ProcStat serverAfter = server(WINDOW_NS, Math.round(busiestThread * WINDOW_NS),
                Math.round(serverCores * WINDOW_NS));
        CpuWindow serverCpu = new CpuWindow(serverBefore.times(), serverAfter.times());
        CpuWindow clientCpu = new CpuWindow(new ProcessTimes(1, 0, 0, 0, 20),
                new ProcessTimes(1, WINDOW_NS, 0.5, 0.4, 20));
        CpuTimes cpus = CpuTimes.read();
        RunFacts.MeasuredWindow window = new RunFacts.MeasuredWindow(WINDOW_NS / 1e9, 100, serverCpu,
                new ProcWindow(serverBefore, serverAfter), clientCpu, io, 1, cpus, cpus, 0);
        RunFacts facts = new RunFacts(Instant.EPOCH,
                new RunFacts.Connected(new ConnectReport(100, 0, 0, 0, 1_000_000), "io_uring", serverBefore,
                        new RunFacts.Settled(LatencyHistograms.histogram(), 0, 1_000_000, true, 100), serverBefore, 1_000_000),
                null, window, new RunFacts.Drained(recorder, LatencyHistograms.histogram(), null), errors, null);
        return facts.toResult(OPTIONS, new Machine("6.1", "cpu", 2, "25", List.of(), "host", TUNING),
                new ProcessInfo(1, List.of("java"), "1"), new ProcessInfo(SERVER_PID, List.of("java"), "0"),
                new RunResult.Route("127.0.0.1", "lo"));
    }

    /** The server at {@code atNs}: its busiest thread's and its whole time on a CPU so far. */
    private static ProcStat server(long atNs, long busiestRunNs, long totalRunNs) {
        Map<Long, ThreadStat> threads = Map.of(100L, new ThreadStat("loop", busiestRunNs, 0, 0, 0),
                101L, new ThreadStat("other", Math.max(0, totalRunNs - busiestRunNs), 0, 0, 0));
        return new ProcStat(new ProcessTimes(SERVER_PID, atNs, totalRunNs / 2e9, totalRunNs / 2e9, 2), 50_000, 50_000,
                120, new ThreadStats(SERVER_PID, atNs, atNs, threads, true));
    }

    private static Map<ErrorKind, Long> noErrors() {
        Map<ErrorKind, Long> errors = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : ErrorKind.values()) {
            errors.put(kind, 0L);
        }
        return errors;
    }
}
