package io.iobench.client.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.client.proc.ProcessInfo;
import io.iobench.options.GoSignal;
import io.iobench.options.StopCause;
import io.iobench.options.StopRequests;
import io.iobench.client.profile.PerfAssumption;
import io.iobench.results.ProbeResult;
import io.iobench.results.RunFiles;
import io.iobench.results.RunProfile;
import io.iobench.results.ServerWindowFigures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A probe follows the clients' schedule from GO and measures the process it watches there, and says why when it
 * could not: a server that exited, no GO, a stop request. A shell stands in for the server.
 */
class ProbeRunTest {

    /** Long enough to read the threads in before the window, as any real warm-up is. */
    private static final Duration WARMUP = Duration.ofMillis(200);
    private static final ProbeResult.Host HOST = new ProbeResult.Host("host", "6.1", "cpu", 2, "25", null);

    private final ByteArrayOutputStream protocol = new ByteArrayOutputStream();
    private final GoSignal go = new GoSignal();
    private final StopRequests stop = new StopRequests();

    @Test
    @Timeout(30)
    void measuresTheServersCpuOverTheIdleAndMeasuredWindowsAfterGo() throws Exception {
        try (WatchedProcess server = WatchedProcess.spinning()) {
            go.accept(GoSignal.GO);
            ProbeResult result = run(server, Duration.ofSeconds(1), Duration.ofSeconds(1));

            assertThat(result.failure()).isNull();
            ServerWindowFigures figures = result.server();
            assertThat(figures.pid()).isEqualTo(server.pid());
            assertThat(figures.cpu().cores()).as("a spinning shell burns CPU").isPositive();
            assertThat(figures.cpu().idleCpuCores()).as("it spins in the idle window too").isPositive();
            assertThat(figures.threads().threadCount()).isEqualTo(1);
            assertThat(figures.coresAllowed()).isEqualTo(ProcessInfo.read(server.pid()).coresAllowed());
            // The window is timed on the monotonic clock and stamped on the wall clock, which may slew.
            assertThat(result.window().endEpochMs() - result.window().startEpochMs())
                    .as("the measured window ran its whole duration").isBetween(900L, 5000L);
            assertThat(result.server(1000).pid()).isEqualTo(server.pid());
            assertThat(protocol.toString(StandardCharsets.UTF_8).lines())
                    .first().isEqualTo("PROBE-READY pid=" + server.pid());
            assertThat(protocol.toString(StandardCharsets.UTF_8).lines()).element(1).asString()
                    .matches("GO clock_ms=\\d+\\.\\d{3}");
        }
    }

    @Test
    @Timeout(30)
    void profilersThatCannotRunOnTheServerSayWhyInALineEachAndTheProbeStillMeasures(@TempDir Path dir)
            throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        try (WatchedProcess server = WatchedProcess.spinning()) {
            go.accept(GoSignal.GO);
            ProbeOptions options = new ProbeOptions(server.pid(), Duration.ZERO, WARMUP, Duration.ofSeconds(1), 0,
                    dir.resolve("probe.json"), false).withProfilers(List.of("jfr", "gc"));
            ProbeResult result = new ProbeRun(options, ProcessInfo.read(server.pid()), HOST, go, GoSignal.TIMEOUT,
                    stop, out()).reportingTo(new PrintStream(progress, true, StandardCharsets.UTF_8)).execute();

            assertThat(result.failure()).isNull();
            assertThat(result.profile().asked()).containsExactly("jfr", "gc");
            assertThat(result.profile().profilers()).extracting(RunProfile.ProfilerRun::reason).satisfiesExactly(
                    jfr -> assertThat(jfr).startsWith("the server is not a JVM"),
                    gc -> assertThat(gc).startsWith("the server was not started with -Xlog:gc*"));
            assertThat(progress.toString(StandardCharsets.UTF_8).lines()).hasSize(2);
        }
    }

    @Test
    @Timeout(30)
    void countsTheServersSystemCallsOverItsWindowLeavingThemPerMessageToTheClientsMerge(@TempDir Path dir)
            throws Exception {
        PerfAssumption.assumePerfCountsSyscalls();
        try (WatchedProcess server = WatchedProcess.spinning()) {
            go.accept(GoSignal.GO);
            ProbeOptions options = new ProbeOptions(server.pid(), Duration.ZERO, WARMUP, Duration.ofSeconds(1), 0,
                    dir.resolve("probe.json"), false).withProfilers(List.of("syscalls"));
            ProbeResult result = new ProbeRun(options, ProcessInfo.read(server.pid()), HOST, go, GoSignal.TIMEOUT,
                    stop, out()).execute();

            RunProfile.Syscalls syscalls = result.profile().syscalls();
            assertThat(result.profile().profilers()).singleElement()
                    .isEqualTo(RunProfile.ProfilerRun.ran("syscalls", RunFiles.PERF_STAT));
            assertThat(syscalls.windowS()).isBetween(0.9, 5.0);
            assertThat(syscalls.totalPerMessage()).isNull();
            assertThat(syscalls.perMessage(1000).totalPerMessage()).isEqualTo(syscalls.total() / 1000.0);
            assertThat(dir.resolve(RunFiles.PERF_STAT)).exists();
        }
    }

    @Test
    @Timeout(30)
    void aServerThatExitsInTheMeasuredWindowFailsTheProbe() throws Exception {
        try (WatchedProcess server = WatchedProcess.sleeping()) {
            go.accept(GoSignal.GO);
            CompletableFuture<Void> killed = CompletableFuture.runAsync(() -> {
                sleep(700); // the window, without idle window, runs from 200 ms to 1.2 s after GO
                try {
                    server.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            ProbeResult result = run(server, Duration.ZERO, Duration.ofSeconds(1));
            killed.join();

            assertThat(result.failure()).isEqualTo("server pid " + server.pid() + " exited during the measured window");
            assertThat(result.server()).isNull();
            assertThat(result.window()).as("the window as far as it ran").isNotNull();
        }
    }

    @Test
    @Timeout(30)
    void noGoWithinTheTimeOutFailsTheProbeBeforeItsWindow() throws Exception {
        try (WatchedProcess server = WatchedProcess.sleeping()) {
            ProbeResult result = new ProbeRun(options(server, Duration.ZERO, Duration.ofSeconds(1)),
                    ProcessInfo.read(server.pid()), HOST, go, Duration.ofMillis(200), stop, out()).execute();

            assertThat(result.failure()).isEqualTo("no GO line on stdin within 200ms of PROBE-READY");
            assertThat(result.window()).isNull();
            assertThat(result.server()).isNull();
        }
    }

    @Test
    @Timeout(30)
    void aStopBeforeGoLeavesNoResult() throws Exception {
        try (WatchedProcess server = WatchedProcess.sleeping()) {
            stop.request(StopCause.SIGTERM);

            assertThat(run(server, Duration.ZERO, Duration.ofSeconds(1))).isNull();
        }
    }

    @Test
    @Timeout(30)
    void aStopInTheMeasuredWindowFailsTheProbe() throws Exception {
        try (WatchedProcess server = WatchedProcess.sleeping()) {
            go.accept(GoSignal.GO);
            CompletableFuture.runAsync(() -> {
                sleep(700);
                stop.request(StopCause.SIGTERM);
            });
            ProbeResult result = run(server, Duration.ZERO, Duration.ofSeconds(1));

            assertThat(result.failure()).isEqualTo("stopped by " + StopCause.SIGTERM.description()
                    + " during the measured window");
        }
    }

    private ProbeResult run(WatchedProcess server, Duration idleWindow, Duration duration)
            throws IOException, InterruptedException {
        return new ProbeRun(options(server, idleWindow, duration), ProcessInfo.read(server.pid()), HOST, go,
                GoSignal.TIMEOUT, stop, out()).execute();
    }

    private static ProbeOptions options(WatchedProcess server, Duration idleWindow, Duration duration) {
        return new ProbeOptions(server.pid(), idleWindow, WARMUP, duration, 0, Path.of("unused.json"), false);
    }

    private PrintStream out() {
        return new PrintStream(protocol, true, StandardCharsets.UTF_8);
    }

    private static void sleep(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
