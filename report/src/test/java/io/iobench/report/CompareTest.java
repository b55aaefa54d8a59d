package io.iobench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --compare A B}: common points side by side with B/A, and the points only one side has. */
class CompareTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void showsRatiosForEveryCommonPointAndListsTheRest(@TempDir Path temp) throws IOException {
        Path a = Fixtures.copy(Fixtures.CLOSED_LOOP, temp.resolve("a"));
        Path b = Fixtures.copy(Fixtures.CLOSED_LOOP, temp.resolve("b"));
        // B/A: throughput 1.5, latency 0.5 (A's doubled, so every percentile stays a whole number, in order), CPU 0.5.
        scale(b, 1.5, 1, 0.5);
        scale(a, 1, 2, 1);
        delete(b.resolve("runs/thread-per-connection-c100-s64"));
        delete(a.resolve("runs/netty-epoll-c1-s64"));
        ObjectNode manifest = (ObjectNode) JSON.readTree(b.resolve("manifest.json").toFile());
        ((ObjectNode) manifest.path("environment")).put("jdk", "26-ea+3 (fixture)");
        JSON.writeValue(b.resolve("manifest.json").toFile(), manifest);

        CommandRun run = CommandRun.of("--compare", a.toString(), b.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(b.resolve("compare.html")).exists();
        String markdown = Files.readString(b.resolve("compare.md"));
        // 6 good points and the client_bound one: throughput 1.50x, every latency 0.50x, CPU per message 0.50x.
        String ratios = section(markdown, "## Common points");
        assertThat(ratios).contains("| model | conns | msgs/s B/A | p50 B/A | p99 B/A | p99.9 B/A | CPU/msg B/A |");
        for (String point : new String[] {"thread-per-connection | 1", "selector | 1", "thread-per-connection | 10",
                "selector | 10", "netty-epoll | 10"}) {
            assertThat(ratios).contains("| " + point + " | 1.50× | 0.50× | 0.50× | 0.50× | 0.50× |  |");
        }
        assertThat(ratios).contains("| selector | 100 | 1.50× | 0.50× | 0.50× | 0.50× | 0.50× | both: client_bound |");
        // The failed point is compared, but has no ratio.
        assertThat(ratios).contains("| **netty-epoll** | 100 | — | — | — | — | — | both: FAILED: the server process 4342 exited");
        // Each metric's values on both sides: the fixture's 23,195 msgs/s and its 1.5 times in B.
        assertThat(ratios).contains("### throughput (msgs/s)", "### p99 latency (µs)",
                "### server CPU per message (µs)", "| thread-per-connection | 1 | 23,195 | 34,792 | 1.50× |");
        assertThat(section(markdown, "## Only in A")).containsPattern("\\| thread-per-connection \\| 100 \\|")
                .doesNotContain("netty-epoll");
        assertThat(section(markdown, "## Only in B")).containsPattern("\\| netty-epoll \\| 1 \\|")
                .doesNotContain("thread-per-connection");
        assertThat(markdown)
                .containsPattern("\\| JDK \\| 25.0.1\\+8 \\(fixture\\) \\| 26-ea\\+3 \\(fixture\\) \\| ≠ \\|");
        assertThat(Files.readString(b.resolve("compare.html"))).contains("<td class=\"num better\">1.50×</td>",
                "<td class=\"num better\">0.50×</td>");
    }

    @Test
    void namesTheOneTuningSettingTheTwoHostsDifferIn(@TempDir Path temp) throws IOException {
        Path a = Fixtures.copy(Fixtures.CLOSED_LOOP, temp.resolve("a"));
        Path b = Fixtures.copy(Fixtures.CLOSED_LOOP, temp.resolve("b"));
        setTuning(b, "somaxconn", 128);

        CommandRun run = CommandRun.of("--compare", a.toString(), b.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        String markdown = Files.readString(b.resolve("compare.md"));
        String tuning = markdown.substring(markdown.indexOf("### Host tuning"), markdown.indexOf("\n## ",
                markdown.indexOf("### Host tuning")));
        assertThat(tuning).contains("differs in 1 setting,", "- **net.core.somaxconn:** 4096 → 128\n");
        assertThat(tuning.split("→", -1)).as("one setting listed, no other").hasSize(2);
        assertThat(markdown.indexOf("### Host tuning")).as("above the ratios")
                .isLessThan(markdown.indexOf("## Common points"));
        assertThat(Files.readString(b.resolve("compare.html")))
                .contains("<dt>net.core.somaxconn</dt><dd>4096 → 128</dd>");
        assertThat(run.out()).contains("net.core.somaxconn: 4096 → 128\n").doesNotContain("same host tuning");
    }

    @Test
    void writesIntoOutWhenGiven(@TempDir Path temp) throws IOException {
        Path a = Fixtures.copy(Fixtures.CLOSED_LOOP, temp.resolve("a"));
        Path b = Fixtures.copy(Fixtures.CLOSED_LOOP, temp.resolve("b"));
        Path out = temp.resolve("out/compare");

        CommandRun run = CommandRun.of("--compare", a.toString(), b.toString(), "--out", out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(out.resolve("compare.md")).exists();
        assertThat(b.resolve("compare.md")).doesNotExist();
        assertThat(Files.readString(out.resolve("compare.md"))).contains("1.00×", "None.", "Same host tuning.");
        assertThat(run.out()).contains("same host tuning\n");
    }

    /** Sets one field of the host tuning in a sweep's manifest and every run's result, as one host tuned otherwise. */
    private static void setTuning(Path sweep, String field, int value) throws IOException {
        try (Stream<Path> files = Files.walk(sweep)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("manifest.json|result.json"))
                    .toList()) {
                ObjectNode json = (ObjectNode) JSON.readTree(file.toFile());
                if (json.path("environment").path("tuning").isObject()) {
                    ((ObjectNode) json.path("environment").path("tuning")).put(field, value);
                    JSON.writeValue(file.toFile(), json);
                }
            }
        }
    }

    /**
     * Multiplies a sweep's throughput by {@code throughput}, every latency percentile by {@code latency}, and CPU
     * per message by {@code cpu}.
     */
    private static void scale(Path sweep, double throughput, long latency, double cpu) throws IOException {
        try (Stream<Path> runs = Files.list(sweep.resolve("runs"))) {
            for (Path run : runs.toList()) {
                Path file = run.resolve("result.json");
                ObjectNode result = (ObjectNode) JSON.readTree(file.toFile());
                multiply(result.path("throughput"), "msgs_per_s", throughput);
                JsonNode uncorrected = result.path("latency_us").path("uncorrected");
                for (String p : new String[] {"p50", "p90", "p99", "p999", "p9999", "max"}) {
                    if (uncorrected.path(p).isIntegralNumber()) {
                        ((ObjectNode) uncorrected).put(p, uncorrected.path(p).longValue() * latency);
                    }
                }
                multiply(uncorrected, "mean", latency);
                multiply(result.path("server"), "cpu_us_per_msg", cpu);
                JSON.writeValue(file.toFile(), result);
            }
        }
    }

    private static void multiply(JsonNode node, String field, double factor) {
        if (node.isObject() && node.path(field).isNumber()) {
            ((ObjectNode) node).put(field, node.path(field).doubleValue() * factor);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static String section(String markdown, String heading) {
        int start = markdown.indexOf(heading);
        assertThat(start).as(heading).isNotNegative();
        int end = markdown.indexOf("\n## ", start + heading.length());
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }
}
