package io.iobench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.results.SweepManifest;
import io.iobench.results.SweepReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM during a capacity search keeps every finished probe, drops the one in progress and stops its processes. */
class CapacityInterruptTest {

    @TempDir
    Path tmp;

    @Test
    @Timeout(120)
    void sigtermKeepsTheFinishedProbesAndMarksTheRunInterrupted() throws Exception {
        Path out = tmp.resolve("capacity");
        Path stdout = tmp.resolve("out.txt");
        Path stderr = tmp.resolve("err.txt");
        // A search far longer than the test waits: a 1% precision over rates it cannot all pass.
        Process capacity = IobenchScript.start(stdout, stderr, "capacity", "--models", "selector", "--connections",
                "10", "--slo", "p99=50ms", "--lowest-rate", "500", "--highest-rate", "1m", "--precision", "1%",
                "--repeat", "5", "--warmup", "200ms", "--duration", "300ms", "--first-warmup", "200ms", "--out",
                out.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(stderr, StandardCharsets.UTF_8).contains("capacity probe 1 ")
                && System.nanoTime() < deadline && capacity.isAlive()) {
            Thread.sleep(100);
        }
        List<ProcessHandle> children = capacity.descendants().toList();

        capacity.toHandle().destroy(); // SIGTERM

        assertThat(capacity.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(capacity.exitValue()).as(Files.readString(stderr)).isEqualTo(143);
        SweepManifest manifest = SweepReader.read(out).manifest().orElseThrow();
        assertThat(manifest.status()).isEqualTo(SweepManifest.Status.INTERRUPTED);
        try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
            assertThat(runs.map(p -> p.getFileName().toString()).sorted().toList())
                    .isNotEmpty().containsExactlyElementsOf(manifest.runs().stream()
                            .map(SweepManifest.RunEntry::id).sorted().toList());
        }
        for (ProcessHandle child : children) {
            child.onExit().get(20, TimeUnit.SECONDS);
        }
    }
}
