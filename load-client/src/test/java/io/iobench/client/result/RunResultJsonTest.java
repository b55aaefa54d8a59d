package io.iobench.client.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunResultJsonTest {

    static RunResult sample() {
        return new RunResult(RunResult.SCHEMA, "selector", "127.0.0.1:40123", 100, 5, 64, "open", null, 50_000L,
                2.0, 10.0, 10.002, "2026-11-27T02:40:00Z",
                new RunResult.Throughput(499_990, 49_999.0, 3.052),
                new RunResult.LatencyUs(new RunResult.Latency(499_990, 51.2, 48, 60, 95, 210, 900, 1503),
                        new RunResult.Latency(499_990, 60.1, 50, 70, 120, 400, 1200, 2100)),
                new RunResult.Connect(105, 0, 12.3, new RunResult.FirstEcho(40, 90, 130)),
                new RunResult.Errors(0, 0, 0, 0, 0, 0, 0),
                new RunResult.Server(1234, 3.1, 6.2, 0.93, 18.6, 0.0, 1000, 20, 0.002, 13, 45.5, 46.0, 120, 40.1,
                        1.2, 0.5, 0.08, 0.16),
                new RunResult.Client(2.0, 4.0, 0.6, 12.0, 1, "io_uring", 0.25, 0.02),
                new RunResult.RunFlags(false, false, false, false, null),
                new RunResult.Environment("6.1.0", "AMD EPYC", 2, "25.0.1+8 (Eclipse Adoptium)", List.of("-Xmx1g"),
                        List.of("-Xss256k"), "java -cp x io.iobench.server.ServerLauncher",
                        new RunResult.Pinning("0", "1"), "bench"),
                new RunResult.Files("uncorrected.hgrm", "corrected.hgrm", "latency.hlog"));
    }

    @Test
    void writesEveryFieldOfTheSchemaUnderItsDocumentedName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(RunResultJson.FILE_NAME);
        RunResultJson.write(sample(), file);

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(names(json)).containsExactly("schema", "model", "target", "connections", "idle_connections",
                "size", "mode", "pipeline", "rate_target_msgs_per_s", "warmup_s", "duration_s", "measured_s",
                "started_at", "throughput", "latency_us", "connect", "errors", "server", "client", "flags",
                "environment", "files");
        assertThat(names(json.get("throughput"))).containsExactly("messages", "msgs_per_s", "mib_per_s");
        assertThat(names(json.get("latency_us").get("uncorrected")))
                .containsExactly("count", "mean", "p50", "p90", "p99", "p999", "p9999", "max");
        assertThat(names(json.get("connect"))).containsExactly("connected", "failed", "duration_ms", "first_echo_us");
        assertThat(names(json.get("errors"))).containsExactly("connect", "io", "reset", "refused", "mismatch",
                "timeout", "backlog_overflow");
        assertThat(names(json.get("server"))).containsExactly("pid", "cpu_user_s", "cpu_sys_s", "cpu_cores",
                "cpu_us_per_msg", "idle_cpu_cores", "ctx_switches_voluntary", "ctx_switches_involuntary",
                "ctx_switches_per_msg", "threads", "rss_mib", "rss_peak_mib", "fds", "rss_before_connect_mib",
                "memory_per_connection_kib", "cpu_steal_pct", "runqueue_wait_s", "runqueue_wait_us_per_msg");
        assertThat(names(json.get("client"))).containsExactly("cpu_user_s", "cpu_sys_s", "cpu_cores",
                "cpu_us_per_msg", "cores_available", "io", "cpu_steal_pct", "runqueue_wait_s");
        assertThat(names(json.get("flags")))
                .containsExactly("client_bound", "rate_missed", "latency_incomplete", "failed", "reason");
        assertThat(names(json.get("environment"))).containsExactly("kernel", "cpu_model", "cores", "jdk",
                "client_jvm_options", "server_jvm_options", "server_command", "pinning", "hostname");
        assertThat(names(json.get("files"))).containsExactly("uncorrected_hgrm", "corrected_hgrm", "hlog");
        assertThat(json.get("pipeline").isNull()).isTrue();
        assertThat(json.get("flags").get("reason").isNull()).isTrue();
    }

    @Test
    void readsBackWhatItWrote(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(RunResultJson.FILE_NAME);
        RunResultJson.write(sample(), file);

        assertThat(RunResultJson.read(file)).isEqualTo(sample());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(RunResultJson.FILE_NAME);
        }
    }

    @Test
    void namesTheFileWhenItIsTruncated(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(RunResultJson.FILE_NAME);
        String json = RunResultJson.toJson(sample());
        Files.writeString(file, json.substring(0, json.length() / 2));

        assertThatThrownBy(() -> RunResultJson.read(file)).isInstanceOf(ResultFormatException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining("truncated or corrupt");
    }

    @Test
    void refusesAnotherSchema(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("manifest.json");
        Files.writeString(file, "{\"schema\": \"iobench-sweep/1\"}");

        assertThatThrownBy(() -> RunResultJson.read(file)).isInstanceOf(ResultFormatException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("iobench-run/1");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        assertThat(Set.copyOf(names)).hasSameSizeAs(names);
        return names;
    }
}
