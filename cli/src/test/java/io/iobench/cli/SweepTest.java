package io.iobench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code iobench sweep} end to end, through the script: real servers, real clients, real files. */
class SweepTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    @Timeout(300)
    void sweepsTwoModelsAtTwoConnectionCountsIntoOneDirectoryWithReport() throws Exception {
        Path out = tmp.resolve("sweep");
        IobenchScript.Outcome outcome = IobenchScript.run(tmp, 280, "sweep", "--models",
                "selector,thread-per-connection", "--connections", "1,10", "--sizes", "64", "--warmup", "0s",
                "--duration", "1s", "--idle-window", "2s", "--out", out.toString());
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();

        JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.get("status").asText()).isEqualTo("complete");
        assertThat(manifest.get("runs")).hasSize(4);
        assertThat(manifest.at("/environment/kernel").asText()).isNotEmpty();

        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        assertThat(csv).hasSize(5);
        assertThat(csv.get(0)).startsWith("id,model,connections,");
        for (String id : List.of("selector-c1-s64", "selector-c10-s64", "thread-per-connection-c1-s64",
                "thread-per-connection-c10-s64")) {
            Path run = out.resolve("runs").resolve(id);
            JsonNode result = JSON.readTree(run.resolve("result.json").toFile());
            assertThat(result.at("/flags/failed").asBoolean()).as(id + ": " + result.at("/flags/reason")).isFalse();
            assertThat(result.at("/throughput/messages").asLong()).as(id).isPositive();
            assertThat(result.at("/errors/mismatch").asLong()).as(id).isZero();
            assertThat(result.at("/server/cpu_user_s").isNumber()).as(id).isTrue();
            assertThat(result.at("/environment/pinning").isObject()).as(id).isTrue();
            assertThat(run.resolve("uncorrected.hgrm")).isNotEmptyFile();
            assertThat(run.resolve("latency.hlog")).isNotEmptyFile();
            assertThat(run.resolve("server.log")).content().contains("READY model=").contains("STOPPED model=");
            assertThat(csv).anyMatch(row -> row.startsWith(id + ","));
        }
        assertThat(out.resolve("report.html")).isNotEmptyFile();
        assertThat(out.resolve("report.md")).isNotEmptyFile();
    }

    @Test
    @Timeout(300)
    void aServerKilledMidRunFailsThatRunAndTheSweepGoesOn() throws Exception {
        Path out = tmp.resolve("sweep");
        Process sweep = IobenchScript.start(tmp.resolve("out.txt"), tmp.resolve("err.txt"), "sweep", "--models",
                "selector", "--connections", "1,10", "--warmup", "0s", "--duration", "3s", "--idle-window", "2s",
                "--out", out.toString(), "--no-report");
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
        JsonNode failed = JSON.readTree(out.resolve("runs/selector-c1-s64/result.json").toFile());
        assertThat(failed.at("/flags/failed").asBoolean()).isTrue();
        assertThat(failed.at("/flags/reason").asText()).contains("server died");
        JsonNode next = JSON.readTree(out.resolve("runs/selector-c10-s64/result.json").toFile());
        assertThat(next.at("/flags/failed").asBoolean()).as(next.at("/flags/reason").asText()).isFalse();
        assertThat(Files.readAllLines(out.resolve("summary.csv"))).hasSize(3);
    }

    @Test
    @Timeout(300)
    void anInterruptedSweepKeepsFinishedRunsAndLeavesNoProcessBehind() throws Exception {
        Path out = tmp.resolve("sweep");
        Process sweep = IobenchScript.start(tmp.resolve("out.txt"), tmp.resolve("err.txt"), "sweep", "--models",
                "selector", "--connections", "1,10,100", "--warmup", "0s", "--duration", "2s", "--idle-window",
                "2s", "--out", out.toString(), "--no-report");
        List<ProcessHandle> children;
        try {
            awaitFile(out.resolve("runs/selector-c1-s64/result.json"), 150);
            awaitDescendant(sweep, "io.iobench.client.LoadCommand", 60);
            children = sweep.descendants().toList();
            sweep.destroy();
            assertThat(sweep.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            sweep.descendants().forEach(ProcessHandle::destroyForcibly);
            sweep.destroyForcibly();
        }
        assertThat(sweep.exitValue()).isEqualTo(130);
        assertThat(children).isNotEmpty();
        for (ProcessHandle child : children) {
            child.onExit().get(20, TimeUnit.SECONDS);
            assertThat(child.isAlive()).as("child %d of the sweep", child.pid()).isFalse();
        }
        JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.get("status").asText()).isEqualTo("interrupted");
        assertThat(manifest.at("/runs/0/id").asText()).isEqualTo("selector-c1-s64");
        assertThat(JSON.readTree(out.resolve("runs/selector-c1-s64/result.json").toFile()).at("/flags/failed")
                .asBoolean()).isFalse();
        try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
            assertThat(runs.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".partial"));
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
                new String[] {"--idle-window", "1s"},
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

    private static ProcessHandle awaitDescendant(Process parent, String mainClass, long seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> found = parent.descendants()
                    .filter(p -> p.info().arguments().map(a -> List.of(a).contains(mainClass)).orElse(false))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + mainClass + " process appeared under the sweep in " + seconds + " s");
    }

    private static void awaitFile(Path file, long seconds) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(file + " did not appear in " + seconds + " s");
            }
            Thread.sleep(100);
        }
    }
}
