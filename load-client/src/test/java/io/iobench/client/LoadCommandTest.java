package io.iobench.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.client.testserver.TestEchoServer;
import io.iobench.client.testserver.TestEchoServer.Fault;
import io.iobench.options.FileDescriptors;
import io.iobench.results.LatencyLogFile;
import io.iobench.results.LoadMode;
import io.iobench.results.RunFiles;
import io.iobench.results.RunResult;
import io.iobench.results.RunResultFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoadCommandTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int load(String... args) {
        return LoadCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Totals per tag of an interval log, read back the way HdrHistogram's tools read it. */
    /** Each tag's intervals of the run's interval log, added. */
    private static Map<String, Histogram> readLog(Path file) throws Exception {
        LatencyLogFile.Intervals log = LatencyLogFile.read(file);
        Map<String, Histogram> totals = new HashMap<>();
        log.intervals().keySet().forEach(tag -> totals.put(tag, log.total(tag)));
        return totals;
    }

    @Test
    void closedLoopRunWritesItsResultHistogramsAndLog() throws Exception {
        Path dir = temp.resolve("closed");
        try (TestEchoServer server = TestEchoServer.start()) {
            int code = load("--target", server.target(), "--connections", "10", "--duration", "1s",
                    "--warmup", "500ms", "--idle-window", "2s", "--server-pid",
                    Long.toString(ProcessHandle.current().pid()), "--model", "test-echo", "--out", dir.toString());
            assertThat(code).as(err()).isZero();
        }

        RunResult result = RunResultFile.read(dir.resolve(RunFiles.RESULT_JSON));
        assertThat(result.point().model()).isEqualTo("test-echo");
        assertThat(result.point().mode()).isEqualTo(LoadMode.CLOSED);
        assertThat(result.point().pipeline()).isEqualTo(1);
        assertThat(result.point().rateTargetMsgsPerS()).isNull();
        assertThat(result.connect().connected()).isEqualTo(10);
        assertThat(result.connect().firstEchoUs()).isNotNull();
        assertThat(result.throughput().messages()).isPositive();
        assertThat(result.latencyUs().uncorrected().count()).isPositive();
        assertThat(result.latencyUs().corrected()).isNull();
        assertThat(result.errors()).isEqualTo(RunResult.Errors.NONE);
        assertThat(result.server()).isNotNull();
        assertThat(result.server().idleCpuCores()).isNotNull();
        assertThat(result.server().size().rssMib()).isPositive();
        assertThat(result.server().size().threads()).isPositive();
        assertThat(result.client().coresAvailable()).isPositive();
        assertThat(result.server().cpuStealPct()).isBetween(0.0, 100.0);
        assertThat(result.client().cpuStealPct()).isBetween(0.0, 100.0);
        assertThat(result.server().runqueueWait().runqueueWaitS()).isNotNull().isNotNegative();
        assertThat(result.client().runqueueWaitS()).isNotNull().isNotNegative();
        assertThat(result.environment().pinning().clientCpus()).isNotBlank();
        assertThat(result.environment().serverCommand()).isNotBlank();
        assertThat(result.flags().failed()).isFalse();
        assertThat(result.flags().latencyIncomplete()).as("every connection served").isFalse();
        assertThat(result.flags().corrupt()).isFalse();
        assertThat(result.flags().stalls().stalledConnections()).isNotNull();
        assertThat(result.flags().stalls().clientStalledMaxGapMs()).isNotNull();
        assertThat(result.files().correctedHgrm()).isNull();

        assertThat(dir.resolve("uncorrected.hgrm")).content().contains("Percentile");
        assertThat(dir.resolve("corrected.hgrm")).doesNotExist();
        Map<String, Histogram> log = readLog(dir.resolve("latency.hlog"));
        assertThat(log).containsOnlyKeys("uncorrected");
        assertThat(log.get("uncorrected").getTotalCount()).isEqualTo(result.latencyUs().uncorrected().count());
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("msgs/s").contains(dir.toString());
        assertThat(err()).contains("measure");
    }

    @Test
    void flagsAClosedLoopWhoseStarvedConnectionsLeftNoLatencySample() throws Exception {
        // Nine of ten connections get each echo only after the window has closed: their messages were sent in the
        // warm-up and come back in the drain, so no latency sample and no time-out shows them. Only Little's law
        // does: ten connections in flight at the one fast connection's rate mean a round trip ten times its own.
        Path dir = temp.resolve("starved");
        try (TestEchoServer server = TestEchoServer.start(Fault.STARVE, 64)) {
            int code = load("--target", server.target(), "--connections", "10", "--duration", "1s",
                    "--warmup", "500ms", "--idle-window", "0s", "--out", dir.toString());
            assertThat(code).as(err()).isZero();
        }

        RunResult result = RunResultFile.read(dir.resolve(RunFiles.RESULT_JSON));
        assertThat(result.errors().timeout()).as("the starved echoes came back in the drain").isZero();
        assertThat(result.flags().latencyIncomplete()).isTrue();
        assertThat(result.flags().failed()).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("latency_incomplete");
    }

    @Test
    void flagsAServerThatStopsAnsweringInsideTheWindowAsStalled() throws Exception {
        // A closed loop waits for the echoes that never come and sends nothing more: what it measured before the
        // stop looks healthy, and only the stall flag and the messages given up at the drain show the stop.
        Path dir = temp.resolve("stopped");
        try (TestEchoServer server = TestEchoServer.start()) {
            Future<Integer> code = Executors.newVirtualThreadPerTaskExecutor().submit(() -> load("--target",
                    server.target(), "--connections", "10", "--duration", "3s", "--warmup", "500ms", "--idle-window",
                    "0", "--out", dir.toString()));
            awaitMeasuring();
            server.stopEchoing();
            assertThat(code.get()).as(err()).isZero();
        }

        RunResult result = RunResultFile.read(dir.resolve(RunFiles.RESULT_JSON));
        assertThat(result.flags().failed()).isFalse();
        assertThat(result.flags().stalled()).isTrue();
        assertThat(result.flags().stalls().stalledConnections()).isEqualTo(10);
        assertThat(result.flags().stalls().stalledS()).as("from about 1 s in to the window's end").isGreaterThan(1.0);
        assertThat(result.errors().timeout()).isEqualTo(10);
        assertThat(result.latencyUs().uncorrected().lowerBoundSamples()).isEqualTo(10);
        assertThat(result.latencyUs().uncorrected().max()).as("waited until the drain gave up, µs")
                .isGreaterThan(2_000_000);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("stalled (10 of 10 connections")
                .contains("given up    10 messages");
    }

    @Test
    void flagsAServerThatCorruptsOneEchoInFiveHundredAsCorrupt() throws Exception {
        Path dir = temp.resolve("corrupt");
        try (TestEchoServer server = TestEchoServer.start(Fault.FLIP_SOME, 64)) {
            int code = load("--target", server.target(), "--connections", "10", "--duration", "1s", "--warmup",
                    "200ms", "--idle-window", "0", "--out", dir.toString());
            assertThat(code).as(err()).isZero();
        }

        RunResult result = RunResultFile.read(dir.resolve(RunFiles.RESULT_JSON));
        assertThat(result.errors().mismatch()).isPositive();
        assertThat(result.throughput().messages()).as("the intact echoes").isPositive();
        assertThat(result.flags().corrupt()).isTrue();
        assertThat(result.flags().invalid()).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("corrupt (");
    }

    @Test
    void aServerThatAnswersOnlyWrongBytesFailsSayingSo() throws Exception {
        Path dir = temp.resolve("wrong");
        try (TestEchoServer server = TestEchoServer.start(Fault.FLIP_ALL, 64)) {
            int code = load("--target", server.target(), "--connections", "3", "--duration", "20s", "--warmup",
                    "0s", "--idle-window", "0", "--connect-timeout", "1s", "--out", dir.toString());
            assertThat(code).isEqualTo(1);
        }

        RunResult result = RunResultFile.read(dir.resolve(RunFiles.RESULT_JSON));
        assertThat(result.flags().failed()).isTrue();
        assertThat(result.flags().reason()).contains("answered with wrong bytes").doesNotContain("did not answer");
        assertThat(result.flags().corrupt()).isTrue();
        assertThat(result.errors().mismatch()).isPositive();
    }

    /** Waits for the client's first progress line of the measured window, so what the test does falls inside it. */
    private void awaitMeasuring() throws InterruptedException {
        long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!err().contains("measure")) {
            assertThat(System.nanoTime()).as("the client never started measuring: " + err()).isLessThan(deadlineNs);
            Thread.sleep(20);
        }
    }

    @Test
    void openLoopRunWritesCorrectedLatencyToo() throws Exception {
        Path dir = temp.resolve("open");
        try (TestEchoServer server = TestEchoServer.start()) {
            int code = load("--target", server.target(), "--connections", "4", "--rate", "2000", "--duration",
                    "1s", "--warmup", "0s", "--idle-window", "0", "--out", dir.toString());
            assertThat(code).as(err()).isZero();
        }

        RunResult result = RunResultFile.read(dir.resolve(RunFiles.RESULT_JSON));
        assertThat(result.point().mode()).isEqualTo(LoadMode.OPEN);
        assertThat(result.point().pipeline()).isNull();
        assertThat(result.point().rateTargetMsgsPerS()).isEqualTo(2000);
        assertThat(result.latencyUs().corrected().count()).isPositive();
        assertThat(result.server()).isNull();
        assertThat(result.files().correctedHgrm()).isEqualTo("corrected.hgrm");
        assertThat(dir.resolve("corrected.hgrm")).exists();
        assertThat(readLog(dir.resolve("latency.hlog"))).containsOnlyKeys("uncorrected", "corrected");
    }

    @Test
    void refusesBadInputWithOneLineAndWritesNothing() throws Exception {
        String tooMany = Long.toString(Math.min(Integer.MAX_VALUE, FileDescriptors.limit() + 1));
        List<List<String>> cases = List.of(
                List.of("--duration", "10x"),
                List.of("--size", "0"),
                List.of("--size", "2m"),
                List.of("--pipeline", "2", "--rate", "1000"),
                List.of("--connections", tooMany),
                List.of("--idle-window", "500ms"),
                List.of("--bogus", "1"));
        try (TestEchoServer server = TestEchoServer.start()) {
            for (List<String> bad : cases) {
                Path dir = temp.resolve("bad" + cases.indexOf(bad));
                List<String> args = new ArrayList<>(List.of("--target", server.target(), "--connections", "2",
                        "--out", dir.toString()));
                args.addAll(bad);
                err.reset();
                assertThat(load(args.toArray(String[]::new))).as(String.join(" ", bad)).isEqualTo(2);
                assertThat(err().lines().count()).as(err()).isEqualTo(1);
                assertThat(dir).doesNotExist();
            }
        }
        err.reset();
        assertThat(load("--connections", "1")).isEqualTo(2);
        assertThat(err()).contains("--target is required");
    }

    @Test
    void saysInOneLineThatNothingListensAndWritesNothing() throws Exception {
        String target;
        try (TestEchoServer server = TestEchoServer.start()) {
            target = server.target();
        }
        Path dir = temp.resolve("nothing");

        assertThat(load("--target", target, "--connections", "2", "--out", dir.toString())).isEqualTo(1);
        assertThat(err().lines().toList()).singleElement().asString().contains("nothing listens on " + target);
        assertThat(dir).doesNotExist();
    }

    @Test
    void refusesToOverwriteARun() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("taken"));
        Files.writeString(dir.resolve("result.json"), "{}");

        assertThat(load("--target", "127.0.0.1:9", "--connections", "1", "--out", dir.toString())).isEqualTo(2);
        assertThat(dir.resolve("result.json")).hasContent("{}");
    }

    @Test
    void aServerThatDiesEndsTheRunAsFailedKeepingWhatWasRecorded() throws Exception {
        Path dir = temp.resolve("dies");
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        long startNs = System.nanoTime();
        int code;
        try (TestEchoServer server = TestEchoServer.start()) {
            timer.schedule(() -> {
                server.resetAll();
                return null;
            }, 1500, TimeUnit.MILLISECONDS);
            code = load("--target", server.target(), "--connections", "8", "--duration", "20s", "--warmup", "0s",
                    "--idle-window", "0", "--out", dir.toString());
        } finally {
            timer.shutdownNow();
        }

        assertThat(code).as(err()).isEqualTo(1);
        assertThat(System.nanoTime() - startNs).as("ends long before its 20 s").isLessThan(15_000_000_000L);
        RunResult result = RunResultFile.read(dir.resolve(RunFiles.RESULT_JSON));
        assertThat(result.flags().failed()).isTrue();
        assertThat(result.flags().reason()).contains("closed every connection");
        assertThat(result.errors().reset() + result.errors().io()).isEqualTo(8);
        assertThat(result.errors().reset()).isPositive();
        assertThat(result.latencyUs().uncorrected().count()).isPositive();
        assertThat(result.timing().measuredS()).isLessThan(20);
        assertThat(dir.resolve("uncorrected.hgrm")).exists();
    }

    @Test
    void endsTheRunWhenTheServerProcessExits() throws Exception {
        Path dir = temp.resolve("exits");
        // The process watched as the server is a stand-in that exits 3 s into a 20 s run. It never holds the
        // connections' descriptors, so the settle gives up after its 1 s connect time-out and the load starts.
        Process standIn = new ProcessBuilder("sleep", "3").start();
        long startNs = System.nanoTime();
        try (TestEchoServer server = TestEchoServer.start()) {
            int code = load("--target", server.target(), "--connections", "2", "--duration", "20s", "--warmup",
                    "0s", "--idle-window", "0", "--connect-timeout", "1s", "--server-pid",
                    Long.toString(standIn.pid()), "--out", dir.toString());
            assertThat(code).isEqualTo(1);
        } finally {
            standIn.destroyForcibly().waitFor();
        }

        assertThat(System.nanoTime() - startNs).as("ends long before its 20 s").isLessThan(15_000_000_000L);
        RunResult result = RunResultFile.read(dir.resolve(RunFiles.RESULT_JSON));
        assertThat(result.flags().reason()).isEqualTo("the server process " + standIn.pid() + " exited during the run");
        assertThat(result.connect().settled()).isFalse();
        assertThat(result.server()).isNull();
        assertThat(result.latencyUs().uncorrected().count()).isPositive();
    }

    /* The idle window and the memory reading must see connections the server serves, not ones it has yet to take. */
    @Test
    void measuresNothingUntilEveryConnectionActiveAndIdleHasEchoed() throws Exception {
        Path dir = temp.resolve("settle");
        try (TestEchoServer server = TestEchoServer.start()) {
            server.stall(Duration.ofMillis(1200));
            int code = load("--target", server.target(), "--connections", "4", "--idle-connections", "6",
                    "--duration", "1s", "--warmup", "0s", "--idle-window", "0", "--out", dir.toString());
            assertThat(code).as(err()).isZero();
        }

        RunResult result = RunResultFile.read(dir.resolve(RunFiles.RESULT_JSON));
        assertThat(result.connect().settled()).isTrue();
        assertThat(result.connect().settleMs()).as("waited out the stall").isGreaterThanOrEqualTo(1000.0);
        assertThat(result.connect().firstEchoUs().p50()).isGreaterThanOrEqualTo(1_000_000L);
        assertThat(result.errors().total()).isZero();
    }

    @Test
    void countsTheConnectionsAServerLeftUnservedInTheirFirstEchoAtTheirWait() throws Exception {
        // One connection is served at once, nine wait 2.5 s, past the 1 s connect time-out: a saturated pool's shape.
        Path dir = temp.resolve("unserved");
        try (TestEchoServer server = TestEchoServer.start(Fault.STARVE, 64)) {
            load("--target", server.target(), "--connections", "10", "--duration", "1s", "--warmup", "0s",
                    "--idle-window", "0", "--connect-timeout", "1s", "--out", dir.toString());
        }

        RunResult.FirstEcho firstEcho = RunResultFile.read(dir.resolve(RunFiles.RESULT_JSON)).connect().firstEchoUs();
        assertThat(firstEcho.unanswered()).isEqualTo(9);
        assertThat(firstEcho.p50()).as("the median connection was never served: about the time-out")
                .isGreaterThanOrEqualTo(900_000);
    }

    @Test
    void aServerThatNeverAnswersFailsAtTheSettleWithItsFirstMessagesTimedOut() throws Exception {
        Path dir = temp.resolve("silent");
        long startNs = System.nanoTime();
        try (TestEchoServer server = TestEchoServer.start(Fault.SWALLOW, 64)) {
            int code = load("--target", server.target(), "--connections", "3", "--pipeline", "2", "--duration",
                    "20s", "--warmup", "0s", "--idle-window", "0", "--connect-timeout", "1s", "--out", dir.toString());
            assertThat(code).isEqualTo(1);
        }

        assertThat(System.nanoTime() - startNs).as("ends long before its 20 s").isLessThan(15_000_000_000L);
        RunResult result = RunResultFile.read(dir.resolve(RunFiles.RESULT_JSON));
        assertThat(result.flags().failed()).isTrue();
        assertThat(result.flags().reason()).contains("no echo came back within 1s");
        assertThat(result.connect().settled()).isFalse();
        assertThat(result.errors().timeout()).as("one message per connection in the settle").isEqualTo(3);
        assertThat(result.throughput().messages()).isZero();
    }
}
