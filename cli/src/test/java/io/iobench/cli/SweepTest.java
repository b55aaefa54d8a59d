package io.iobench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.results.LatencyLogFile;
import io.iobench.results.LoadMode;
import io.iobench.results.RunFiles;
import io.iobench.results.RunResult;
import io.iobench.results.RunResultFile;
import io.iobench.results.StoredRun;
import io.iobench.results.StoredSweep;
import io.iobench.results.SummaryCsv;
import io.iobench.results.SweepDirectory;
import io.iobench.results.SweepManifest;
import io.iobench.results.SweepReader;
import io.iobench.statistics.rounds.RoundOrder;
import io.iobench.sweep.SweepPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code iobench sweep} end to end, through the script: real servers, real clients, real files. */
class SweepTest {

    @TempDir
    Path tmp;

    @Test
    @Timeout(300)
    void sweepsTwoModelsAtTwoConnectionCountsIntoOneDirectoryWithReport() throws Exception {
        Path out = tmp.resolve("sweep");
        IobenchScript.Outcome outcome = IobenchScript.run(tmp, 280, "sweep", "--models",
                "selector,thread-per-connection", "--connections", "1,10", "--sizes", "64", "--warmup", "0s",
                "--duration", "1s", "--idle-window", "2s", "--no-rerun", "--out", out.toString(),
                "--model-jvm-opts", "thread-per-connection=-XX:+UseSerialGC");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();

        StoredSweep sweep = SweepReader.read(out);
        assertThat(sweep.warnings()).isEmpty();
        SweepManifest manifest = sweep.manifest().orElseThrow();
        assertThat(manifest.status()).isEqualTo(SweepManifest.Status.COMPLETE);
        assertThat(manifest.runs()).hasSize(4);
        assertThat(manifest.plan().modes()).containsExactly(LoadMode.CLOSED);
        assertThat(manifest.environment().kernel()).isNotEmpty();
        assertThat(manifest.environment().serverCommand()).contains("--model <model> ");

        List<Map<String, String>> csv = SummaryCsv.read(out.resolve(SweepDirectory.SUMMARY));
        // One round, in the order shuffled for it: rows in the order run, as the manifest lists the runs.
        assertThat(csv).extracting(row -> row.get("id")).containsExactlyInAnyOrder("selector-c1-s64",
                "selector-c10-s64", "thread-per-connection-c1-s64", "thread-per-connection-c10-s64");
        assertThat(csv).extracting(row -> row.get("id"))
                .containsExactlyElementsOf(manifest.runs().stream().map(SweepManifest.RunEntry::id).toList());
        for (StoredRun run : sweep.runs()) {
            RunResult result = run.result();
            String id = run.id();
            assertThat(result.flags().failed()).as(id + ": " + result.flags().reason()).isFalse();
            assertThat(result.throughput().messages()).as(id).isPositive();
            assertThat(result.errors().mismatch()).as(id).isZero();
            assertThat(result.server().cpu().cpuUserS()).as(id).isNotNegative();
            assertThat(result.environment().pinning()).as(id).isNotNull();
            assertThat(result.client().io()).as(id).isNotNull();
            assertThat(result.environment().serverJvmOptions().contains("-XX:+UseSerialGC")).as(id)
                    .isEqualTo(result.point().model().equals("thread-per-connection"));
            assertThat(run.dir().resolve(RunFiles.UNCORRECTED_HGRM)).isNotEmptyFile();
            assertThat(LatencyLogFile.read(run.dir().resolve(RunFiles.HLOG)).total(LatencyLogFile.UNCORRECTED)
                    .getTotalCount()).as(id).isEqualTo(result.latencyUs().uncorrected().count());
            assertThat(run.dir().resolve(RunFiles.SERVER_LOG)).content().contains("READY model=")
                    .contains("STOPPED model=");
        }
        assertThat(out.resolve("report.html")).isNotEmptyFile();
        assertThat(out.resolve("report.md")).isNotEmptyFile();
        assertThat(outcome.stderr()).as("where the sweep says each run is")
                .contains("result      " + out.resolve("runs/selector-c1-s64"))
                .contains("result      " + out.resolve("runs/thread-per-connection-c10-s64"))
                .doesNotContain(".partial-");
    }

    /*
     * A repetition is a fresh server and a fresh client: no JIT, heap or thread of one carries into the next. Rounds
     * visit the points in the order the recorded seed gives, and the idle window is the first repetition's alone.
     */
    @Test
    @Timeout(300)
    void repeatsEachPointWithFreshProcessesInRoundsItsSeedOrders() throws Exception {
        Path out = tmp.resolve("sweep");
        IobenchScript.Outcome outcome = IobenchScript.run(tmp, 280, "sweep", "--models", "selector",
                "--connections", "1,10", "--warmup", "200ms", "--duration", "300ms", "--idle-window", "2s",
                "--repeat", "2", "--seed", "42", "--no-rerun", "--no-report", "--out", out.toString());
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();

        StoredSweep sweep = SweepReader.read(out);
        assertThat(sweep.warnings()).isEmpty();
        SweepManifest manifest = sweep.manifest().orElseThrow();
        assertThat(manifest.plan().repeat()).isEqualTo(2);
        assertThat(manifest.plan().seed()).isEqualTo(42L);
        List<SweepPoint> points = List.of(new SweepPoint("selector", 1, 0, 64, 0),
                new SweepPoint("selector", 10, 0, 64, 0));
        RoundOrder<SweepPoint> order = RoundOrder.shuffled(points, 2, manifest.plan().seed());
        assertThat(manifest.rounds()).extracting(SweepManifest.Round::points).containsExactly(
                order.round(0).stream().map(SweepPoint::id).toList(),
                order.round(1).stream().map(SweepPoint::id).toList());
        assertThat(manifest.points()).extracting(SweepManifest.PointRuns::runs).containsExactlyInAnyOrder(
                List.of("selector-c1-s64-rep1", "selector-c1-s64-rep2"),
                List.of("selector-c10-s64-rep1", "selector-c10-s64-rep2"));
        assertThat(sweep.runs()).hasSize(4);
        assertThat(sweep.runs()).extracting(run -> run.result().server().pid()).doesNotHaveDuplicates();
        for (StoredRun run : sweep.runs()) {
            RunResult result = run.result();
            assertThat(result.flags().failed()).as(run.id() + ": " + result.flags().reason()).isFalse();
            assertThat(result.throughput().messages()).as(run.id()).isPositive();
            if (run.id().endsWith("-rep1")) {
                assertThat(result.server().idleCpuCores()).as(run.id()).isNotNull();
            } else {
                assertThat(result.server().idleCpuCores()).as(run.id()).isNull();
            }
        }
        assertThat(SummaryCsv.read(out.resolve(SweepDirectory.SUMMARY))).hasSize(4);
    }

    @Test
    @Timeout(300)
    void aServerKilledMidRunFailsThatRunAndTheSweepGoesOn() throws Exception {
        Path out = tmp.resolve("sweep");
        Process sweep = startSelectorSweep(out, "1,10", "3s", "2s");
        try {
            ProcessHandle server = awaitDescendant(sweep, "io.iobench.server.ServerLauncher", 120);
            awaitDescendant(sweep, "io.iobench.client.LoadCommand", 60);
            server.destroyForcibly();
            assertThat(sweep.waitFor(240, TimeUnit.SECONDS)).isTrue();
            assertThat(sweep.exitValue()).as(Files.readString(tmp.resolve("err.txt"))).isZero();
        } finally {
            sweep.descendants().forEach(ProcessHandle::destroyForcibly);
            sweep.destroyForcibly();
        }
        // The first server to start belonged to the first point of the shuffled round, whichever that was.
        List<SweepManifest.RunEntry> runs = SweepReader.read(out).manifest().orElseThrow().runs();
        assertThat(runs).hasSize(2);
        RunResult failed = RunResultFile.read(out.resolve(runs.get(0).dir()).resolve(RunFiles.RESULT_JSON));
        assertThat(failed.flags().failed()).isTrue();
        assertThat(failed.flags().reason()).contains("server died");
        RunResult next = RunResultFile.read(out.resolve(runs.get(1).dir()).resolve(RunFiles.RESULT_JSON));
        assertThat(next.flags().failed()).as(next.flags().reason()).isFalse();
        assertThat(SummaryCsv.read(out.resolve(SweepDirectory.SUMMARY))).extracting(row -> row.get("failed"))
                .containsExactly("true", "false");
    }

    @Test
    @Timeout(300)
    void anInterruptedSweepKeepsFinishedRunsAndLeavesNoProcessBehind() throws Exception {
        Path out = tmp.resolve("sweep");
        Process sweep = startSelectorSweep(out, "1,10,100", "2s", "2s");
        List<ProcessHandle> children;
        String first;
        try {
            first = awaitFirstRun(out, 150);
            awaitDescendant(sweep, "io.iobench.client.LoadCommand", 60);
            children = end(sweep, Process::destroy);
        } finally {
            sweep.descendants().forEach(ProcessHandle::destroyForcibly);
            sweep.destroyForcibly();
        }
        assertThat(sweep.exitValue()).as("the exit code of a sweep ended by SIGTERM").isEqualTo(143);
        assertThat(children).isNotEmpty();
        awaitGone(children, 20);
        StoredSweep stored = SweepReader.read(out);
        SweepManifest manifest = stored.manifest().orElseThrow();
        assertThat(manifest.status()).isEqualTo(SweepManifest.Status.INTERRUPTED);
        assertThat(manifest.runs().getFirst().id()).isEqualTo(first);
        assertThat(RunResultFile.read(out.resolve("runs").resolve(first).resolve(RunFiles.RESULT_JSON)).flags()
                .failed()).isFalse();
        try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
            assertThat(runs.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".partial"));
        }
    }

    /*
     * SIGKILL leaves the sweep no handler and no shutdown hook: its server and client must notice by themselves
     * that it is gone (their stdin, a pipe the sweep held, reads end of file) and end, instead of living on as
     * orphans, a busy-poll server spinning a core under every later measurement.
     */
    @Test
    @Timeout(240)
    void aSweepKilledMidRunLeavesNoProcessItStartedBehind() throws Exception {
        Path out = tmp.resolve("sweep");
        Process sweep = startSelectorSweep(out, "1", "60s", "0s");
        List<ProcessHandle> children;
        try {
            awaitDescendant(sweep, "io.iobench.server.ServerLauncher", 120);
            awaitDescendant(sweep, "io.iobench.client.LoadCommand", 60);
            children = end(sweep, Process::destroyForcibly);
        } finally {
            sweep.descendants().forEach(ProcessHandle::destroyForcibly);
        }
        assertThat(children).as("the server and the client of the sweep").hasSizeGreaterThanOrEqualTo(2);
        try {
            awaitGone(children, 10);
        } finally {
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    @Timeout(120)
    void refusesBadInputWithOneLineAndWritesNothing() throws Exception {
        Path out = tmp.resolve("never");
        for (String[] args : List.of(
                new String[] {"--models", "no-such-model"},
                new String[] {"--duration", "ten seconds"},
                new String[] {"--sizes", "2m"},
                new String[] {"--connections", "1,abc"},
                new String[] {"--idle-window", "500ms"},
                new String[] {"--connections", "30000"})) {
            String[] full = Stream.concat(Stream.of("sweep", "--out", out.toString()), Stream.of(args))
                    .toArray(String[]::new);
            IobenchScript.Outcome outcome = IobenchScript.run(tmp, 60, full);
            assertThat(outcome.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(outcome.stderr().lines().findFirst().orElse("")).startsWith("iobench sweep: ");
            assertThat(outcome.stderr()).doesNotContain("\tat ");
            assertThat(out).doesNotExist();
        }
    }

    /** Starts {@code iobench sweep --models selector} at {@code connections} into {@code out}, with no report. */
    private Process startSelectorSweep(Path out, String connections, String duration, String idleWindow)
            throws IOException {
        return IobenchScript.start(tmp.resolve("out.txt"), tmp.resolve("err.txt"), "sweep", "--models", "selector",
                "--connections", connections, "--warmup", "0s", "--duration", duration, "--idle-window", idleWindow,
                "--out", out.toString(), "--no-report", "--no-rerun");
    }

    /** Ends the sweep with {@code ending} (SIGTERM, SIGKILL) and returns the processes it had started by then. */
    private static List<ProcessHandle> end(Process sweep, Consumer<Process> ending) throws InterruptedException {
        List<ProcessHandle> children = sweep.descendants().toList();
        ending.accept(sweep);
        assertThat(sweep.waitFor(60, TimeUnit.SECONDS)).as("the sweep ended").isTrue();
        return children;
    }

    private static ProcessHandle awaitDescendant(Process parent, String mainClass, long seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> found = parent.descendants()
                    .filter(p -> arguments(p).contains(mainClass))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + mainClass + " process appeared under the sweep in " + seconds + " s");
    }

    /**
     * Waits for every process to be gone, polling: {@code onExit()} of a process that is not this JVM's child is
     * itself a poll, and says nothing about why it did not fire.
     */
    private static void awaitGone(List<ProcessHandle> processes, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (processes.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still running " + seconds + " s later: " + processes.stream()
                        .filter(ProcessHandle::isAlive).map(p -> p.pid() + " " + mainClass(p)).toList());
            }
            Thread.sleep(50);
        }
    }

    private static String mainClass(ProcessHandle process) {
        return arguments(process).stream().filter(a -> a.startsWith("io.iobench.")).findFirst().orElse("?");
    }

    /**
     * A process's command line from /proc: {@code ProcessHandle.Info.arguments()} gives nothing for one longer than
     * 4,096 bytes, which a class path of jars in ~/.m2 makes.
     */
    private static List<String> arguments(ProcessHandle process) {
        try {
            String cmdline = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return List.of(cmdline.split("\0"));
        } catch (IOException e) {
            return List.of(); // gone
        }
    }

    /** Waits for the sweep's first published run, whichever point the shuffled round began with; its id. */
    private static String awaitFirstRun(Path sweep, long seconds) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            if (Files.isDirectory(sweep.resolve(SweepDirectory.RUNS))) {
                try (Stream<Path> runs = Files.list(sweep.resolve(SweepDirectory.RUNS))) {
                    Optional<Path> published = runs.filter(dir -> !dir.getFileName().toString().startsWith("."))
                            .filter(dir -> Files.exists(dir.resolve(RunFiles.RESULT_JSON))).findFirst();
                    if (published.isPresent()) {
                        return published.get().getFileName().toString();
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no run was published in " + sweep + " in " + seconds + " s");
            }
            Thread.sleep(100);
        }
    }
}
