package io.iobench.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsDirectoryTest {

    private static final Instant NOW = Instant.parse("2026-11-27T03:04:05Z");
    private static final SweepPlan PLAN = new SweepPlan("t", List.of("selector"), List.of(1), List.of(0),
            List.of(64), List.of(), true, 1, Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO, 0, List.of(),
            List.of(), CpuPinning.NONE);

    @TempDir
    Path root;

    @Test
    void namesANewDirectoryByTimeAndLabel() throws IOException {
        ResultsDirectory results = ResultsDirectory.create(null, root, "quick", NOW, List.of("iobench"), PLAN);
        assertThat(results.path()).isEqualTo(root.resolve("20261127-030405-quick"));
        JsonNode manifest = ResultsDirectory.JSON.readTree(results.path().resolve("manifest.json").toFile());
        assertThat(manifest.get("status").asText()).isEqualTo("running");
        assertThat(manifest.at("/plan/models/0").asText()).isEqualTo("selector");
        assertThat(Files.readString(results.path().resolve("summary.csv"))).isEqualTo(SummaryRow.HEADER + "\n");
    }

    @Test
    void neverWritesIntoAnEarlierResultsDirectory() throws IOException {
        Path earlier = Files.createDirectories(root.resolve("earlier"));
        Files.writeString(earlier.resolve("manifest.json"), "{}");
        assertThatThrownBy(() -> ResultsDirectory.create(earlier, root, "t", NOW, List.of(), PLAN))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(earlier.resolve("manifest.json"))).isEqualTo("{}");
    }

    @Test
    void publishesAFinishedRunWithItsSummaryRowAndManifestEntry() throws IOException {
        ResultsDirectory results = ResultsDirectory.create(root.resolve("out"), root, "t", NOW, List.of(), PLAN);
        SweepPoint point = new SweepPoint("selector", 1, 0, 64, 0);
        Path scratch = results.scratchFor(point);
        ObjectNode result = ResultsDirectory.JSON.createObjectNode();
        result.put("model", "selector");
        result.putObject("throughput").put("msgs_per_s", 1234.5);
        result.putObject("flags").put("failed", true).put("reason", "server died, badly");
        result.putObject("environment").put("kernel", "6.1")
                .put("server_command", "java -cp x.jar io.iobench.server.ServerLauncher --model selector --port 0");
        Files.writeString(scratch.resolve("result.json"), result.toString());

        results.commit(point, scratch, result);
        results.finish("complete", NOW);

        assertThat(scratch).doesNotExist();
        assertThat(results.path().resolve("runs/selector-c1-s64/result.json")).exists();
        List<String> csv = Files.readAllLines(results.path().resolve("summary.csv"));
        assertThat(csv).hasSize(2);
        assertThat(csv.get(1)).startsWith("selector-c1-s64,selector,").contains(",1234.5,")
                .endsWith(",true,\"server died, badly\",,,,,"); // no steal, runqueue or latency_incomplete here
        JsonNode manifest = ResultsDirectory.JSON.readTree(results.path().resolve("manifest.json").toFile());
        assertThat(manifest.get("status").asText()).isEqualTo("complete");
        assertThat(manifest.at("/runs/0/failed").asBoolean()).isTrue();
        assertThat(manifest.at("/environment/kernel").asText()).isEqualTo("6.1");
        // The sweep runs many models: its environment names none, the run's own result keeps its model.
        assertThat(manifest.at("/environment/server_command").asText())
                .isEqualTo("java -cp x.jar io.iobench.server.ServerLauncher --model <model> --port 0");
        assertThat(ResultsDirectory.JSON.readTree(results.path().resolve("runs/selector-c1-s64/result.json").toFile())
                .at("/environment/server_command").asText()).contains("--model selector ");
        try (var files = Files.list(results.path())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void discardsAnInterruptedRun() throws IOException {
        ResultsDirectory results = ResultsDirectory.create(root.resolve("out"), root, "t", NOW, List.of(), PLAN);
        Path scratch = results.scratchFor(new SweepPoint("selector", 1, 0, 64, 0));
        Files.writeString(scratch.resolve("latency.hlog"), "partial");
        results.discard(scratch);
        results.finish("interrupted", NOW);
        assertThat(scratch).doesNotExist();
        assertThat(Files.readAllLines(results.path().resolve("summary.csv"))).hasSize(1);
    }
}
