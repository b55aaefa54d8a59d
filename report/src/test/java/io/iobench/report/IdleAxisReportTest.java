package io.iobench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep over idle connections (3 models x idle {0, 1,000, 10,000} at 10 active) is reported by what the idle
 * descriptors cost each model: a table of CPU per message at each idle count with the ratio largest/zero, and charts
 * against idle connections with the usual failed and flagged markers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdleAxisReportTest {

    static final List<String> IDLE_CHARTS = List.of("cpu-per-message-vs-idle-s64-c10", "throughput-vs-idle-s64-c10",
            "latency-p99-vs-idle-s64-c10");

    Path dir;
    CommandRun run;
    String markdown;
    String html;

    @BeforeAll
    void report(@TempDir Path temp) throws IOException {
        dir = Fixtures.copy(Fixtures.IDLE_AXIS, temp.resolve("sweep"));
        run = CommandRun.of(dir.toString());
        markdown = Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8);
        html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
    }

    @Test
    void writesTheReportWithoutWarnings() {
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void drawsCpuThroughputAndP99AgainstIdleConnections() throws IOException {
        for (String chart : IDLE_CHARTS) {
            assertThat(Pictures.distinctColours(Pictures.png(dir.resolve("charts/" + chart + ".png"))))
                    .as(chart).isGreaterThan(50);
            assertThat(html).contains("href=\"charts/" + chart + ".png\"");
            assertThat(markdown).contains("](charts/" + chart + ".png)");
        }
        assertThat(markdown).contains("## Idle connections: 64 B, closed loop",
                "CPU per message vs idle connections (10 active, 64 B, closed loop)",
                "The idle counts are evenly spaced in increasing order",
                "Red × at the bottom: a failed run", "Failed: selector at 10 connections + 1,000 idle",
                "Black ▲: a flagged run", "Flagged: netty-epoll at 10 connections + 10,000 idle (client_bound)");
    }

    @Test
    void tablesCpuPerMessageAtEachIdleCountAndTheRatioToZero() {
        assertThat(markdown).contains("### Cost of idle connections",
                "| model | CPU µs/msg, 0 idle | CPU µs/msg, 1,000 idle | CPU µs/msg, 10,000 idle | ratio 10,000 / 0"
                        + " | flags |",
                "| poll | 4.92 | 8.34 | 50 | 10.15× |  |",
                "| selector | 5.87 | FAILED | 5.88 | 1.00× | 1,000 idle: FAILED |",
                "| netty-epoll | 4.93 | 4.92 | 7.83 | 1.59× | 10,000 idle: client_bound |");
        assertThat(html).contains("<td class=\"num failed\">FAILED</td>", "<td class=\"num flagged\">7.83</td>");
    }

    @Test
    void sweepsWithOneIdleCountHaveNoIdleSection(@TempDir Path other) throws IOException {
        Path closed = Fixtures.copy(Fixtures.CLOSED_LOOP, other.resolve("sweep"));
        assertThat(CommandRun.of(closed.toString()).exit()).isZero();
        assertThat(Files.readString(closed.resolve("report.md"))).doesNotContain("Idle connections:",
                "Cost of idle connections");
    }

    @Test
    void theServerCommandShowsACountInPlaceOfTheClassPath() {
        String command = "/usr/lib/jvm/jdk-25/bin/java -Xmx1g -cp <class path: 4 entries>"
                + " io.iobench.server.ServerLauncher --model <model> --bind 127.0.0.1 --port 0";
        assertThat(markdown).contains("**Server command:** `" + command + "`");
        assertThat(html).contains("<code>/usr/lib/jvm/jdk-25/bin/java -Xmx1g -cp &lt;class path: 4 entries&gt;");
        assertThat(markdown + html).doesNotContain("/opt/iobench/lib");
    }
}
