package io.iobench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.report.fixture.ProfiledRuns;
import io.iobench.results.fixture.SyntheticSweep;
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
 * The report of a sweep with profiled runs ({@link ProfiledRuns}): selector and netty-epoll at 10 and 100
 * connections profiled with syscalls and jfr, thread-per-connection left unprofiled. The profiled runs are marked,
 * their system calls per message are a table and a chart, and each gets a timeline of its pauses beside its
 * latency, the pause in the second of the spike.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileReportTest {

    static final List<String> PROFILED = List.of("selector-c10-s64", "netty-epoll-c10-s64", "selector-c100-s64");

    CommandRun run;
    String markdown;
    String html;
    Path dir;

    @BeforeAll
    void report(@TempDir Path temp) throws IOException {
        dir = SyntheticSweep.write(SyntheticSweep.CLOSED_LOOP, temp.resolve("sweep"));
        ProfiledRuns.profile(dir, PROFILED);
        run = CommandRun.of(dir.toString());
        markdown = Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8);
        html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
    }

    @Test
    void marksTheProfiledRunsAndSaysTheyAreNotComparedWithUnprofiledOnes() {
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(markdown).contains("## Profiles", "not comparable with those of unprofiled runs");
        // The flags column, last in the runs tables: one row in each of the two (load, server costs) per run.
        for (String row : List.of("| selector | 10 |", "| netty-epoll | 10 |", "| selector | 100 |")) {
            assertThat(markdown.lines().filter(line -> line.startsWith(row) && line.endsWith("profiled |")))
                    .as("the runs tables' rows %s", row).hasSize(2);
        }
        assertThat(markdown.lines().filter(line -> line.startsWith("| thread-per-connection |")
                && line.contains("profiled"))).as("an unprofiled run").isEmpty();
    }

    @Test
    void tablesTheSystemCallsPerMessageByModelAndConnectionsWithTheirChart() {
        assertThat(markdown).contains("### System calls per message");
        String header = markdown.lines().filter(line -> line.startsWith("| model | connections | idle | run | all"))
                .findFirst().orElseThrow();
        assertThat(header).contains("| epoll_wait |", "| futex |", "| read |", "| write |");
        String selector = markdown.lines().filter(line -> line.startsWith("| selector | 10 | 0 | selector-c10-s64 |"))
                .findFirst().orElseThrow();
        // 3 calls per message and 500 more over the window; selector: one epoll_wait, read and write each, futex not
        // counted (no column value where the run had no count).
        assertThat(selector).matches("\\| selector \\| 10 \\| 0 \\| selector-c10-s64 \\| 3(\\.\\d+)? \\| 1 \\| — \\|"
                + " 1 \\| 1 \\|");
        assertThat(dir.resolve("charts/syscalls-per-message.png")).isNotEmptyFile();
        assertThat(dir.resolve("charts/syscalls-per-message.svg")).isNotEmptyFile();
        assertThat(html).contains("id=\"syscalls\"", "charts/syscalls-per-message.png");
    }

    @Test
    void drawsEachProfiledRunsPausesBesideItsLatencyAndListsThemAtTheirSecond() {
        for (String id : PROFILED) {
            assertThat(markdown).contains("### Pauses and latency: " + id);
            assertThat(dir.resolve("charts/pauses-" + id + ".png")).isNotEmptyFile();
        }
        assertThat(markdown).contains("| " + ProfiledRuns.SPIKE_SECOND + ".25 | 42.5 | gc | Pause Young (Normal)"
                + " (G1 Evacuation Pause) | jfr |");
    }

    @Test
    void theHeadlineAndTheComparisonSayWhenProfiledAndUnprofiledRunsMeet(@TempDir Path temp) throws IOException {
        Path repeated = SyntheticSweep.write(SyntheticSweep.Repeated.of(3, 1.0, 0.01, 5L), temp.resolve("repeated"));
        ProfiledRuns.profile(repeated, List.of("selector-c10-s64"));
        Path plain = SyntheticSweep.write(SyntheticSweep.Repeated.of(3, 1.0, 0.01, 5L), temp.resolve("plain"));

        CommandRun report = CommandRun.of(repeated.toString());
        CommandRun compare = CommandRun.of("--compare", plain.toString(), repeated.toString());

        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(Files.readString(repeated.resolve("report.md"))).contains("## Headline",
                "1 of the 12 runs were profiled (--prof)", "no verdict between the models");
        assertThat(compare.exit()).as(compare.err()).isZero();
        assertThat(Files.readString(repeated.resolve("compare.md"))).contains("Profiled runs (--prof): 0 of A's 12"
                + " runs, 1 of B's 12", "rerun both sides alike");
    }
}
