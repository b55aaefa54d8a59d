package io.iobench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps that did not end well are still reported: a damaged file is named in a warning, on stderr and in the
 * report, and everything else is shown; an interrupted sweep says so at the top.
 */
class IncompleteSweepTest {

    @Test
    void namesACorruptResultAndATruncatedHgrmAndReportsTheRest(@TempDir Path temp) throws IOException {
        Path dir = Fixtures.copy(Fixtures.CLOSED_LOOP, temp.resolve("sweep"));
        Path result = dir.resolve("runs/selector-c10-s64/result.json");
        String json = Files.readString(result);
        Files.writeString(result, json.substring(0, json.length() / 2));
        // With selector at 10 unreadable, the percentile chart falls back to 1 connection, so it reads this file.
        Path hgrm = dir.resolve("runs/thread-per-connection-c1-s64/uncorrected.hgrm");
        List<String> lines = Files.readAllLines(hgrm);
        Files.write(hgrm, lines.subList(0, lines.size() / 2));
        Files.createDirectories(dir.resolve("runs/selector-c1000-s64"));

        CommandRun run = CommandRun.of(dir.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning: " + result + ": not valid JSON")
                .contains("warning: " + hgrm + ": truncated")
                .contains("warning: " + dir.resolve("runs/selector-c1000-s64") + ": no result.json");
        String markdown = Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8);
        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        for (String report : List.of(markdown, html)) {
            assertThat(report).contains("Warnings: some files could not be used", result + ": not valid JSON",
                    hgrm + ": truncated", "left out of the percentile chart");
        }
        assertThat(markdown).containsPattern("\\| selector \\| 1 \\|").containsPattern("\\| selector \\| 100 \\|")
                .doesNotContainPattern("\\| selector \\| 10 \\|")
                .contains("Drawn at 1 connection");
        assertThat(dir.resolve("charts/percentiles-s64.png")).exists();
        assertThat(dir.resolve("charts/throughput-s64.png")).exists();
    }

    @Test
    void aRunWithAnImpossibleValueIsListedAsUnreadableWithItsFileAndFieldAndTheRestIsReported(@TempDir Path temp)
            throws IOException {
        Path dir = Fixtures.copy(Fixtures.CLOSED_LOOP, temp.resolve("sweep"));
        Path result = dir.resolve("runs/selector-c10-s64/result.json");
        edit(result, "\"msgs_per_s\" : [0-9.]+", "\"msgs_per_s\" : -78533");
        String problem = "throughput.msgs_per_s is -78533, must be >= 0; run left out";

        CommandRun run = CommandRun.of(dir.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("iobench report: warning: " + result + ": " + problem);
        String markdown = Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8);
        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(markdown).contains("_Sweep complete, 8 runs, 1 failed, 1 unreadable_", "## Unreadable runs",
                "| **selector-c10-s64** | " + result + " | " + problem.replace(">", "&gt;") + " |");
        assertThat(html).contains("<h2 id=\"unreadable\">Unreadable runs</h2>",
                "<tr class=\"failed\"><td>selector-c10-s64</td>");
        // The other runs are tabled and drawn; the damaged one is nowhere among them.
        assertThat(markdown).containsPattern("\\| selector \\| 1 \\|").containsPattern("\\| selector \\| 100 \\|")
                .doesNotContainPattern("\\| selector \\| 10 \\|").doesNotContain("-78533 |", "-78,533");
        assertThat(dir.resolve("charts/throughput-s64.png")).exists();
        assertThat(dir.resolve("charts/latency-p99-s64.png")).exists();
    }

    @Test
    void aChartThatCannotBeDrawnIsAWarningAndTheRestIsReported(@TempDir Path temp) throws IOException {
        Path dir = Fixtures.copy(Fixtures.CLOSED_LOOP, temp.resolve("sweep"));
        // A throughput no axis can hold: XChart refuses to draw the series once its range overflows to infinity.
        edit(dir.resolve("runs/selector-c10-s64/result.json"), "\"msgs_per_s\" : [0-9.]+", "\"msgs_per_s\" : 1.7e308");

        CommandRun run = CommandRun.of(dir.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        Path png = dir.resolve("charts/throughput-s64.png");
        assertThat(run.err()).contains("warning: " + png + ": could not be drawn (IllegalArgumentException");
        String markdown = Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8);
        assertThat(markdown).contains("Warnings: some files could not be used", png + ": could not be drawn",
                "Throughput (64 B, closed loop): the chart could not be drawn");
        assertThat(png).doesNotExist();
        assertThat(dir.resolve("charts/throughput-s64.svg")).doesNotExist();
        assertThat(dir.resolve("charts/latency-p99-s64.png")).exists();
        assertThat(dir.resolve("charts/idle-cpu-s64.png")).exists();
    }

    @Test
    void aSweepWithoutManifestIsReportedWithAWarning(@TempDir Path temp) throws IOException {
        Path dir = Fixtures.copy(Fixtures.CLOSED_LOOP, temp.resolve("sweep"));
        Files.delete(dir.resolve("manifest.json"));

        CommandRun run = CommandRun.of(dir.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains(dir.resolve("manifest.json") + ": missing");
        assertThat(Files.readString(dir.resolve("report.md"))).contains("unknown (no manifest.json, or a status this version does not know)",
                "6.1.0-synthetic-fixture");
    }

    @Test
    void anInterruptedSweepSaysSoInItsHeader(@TempDir Path temp) throws IOException {
        Path dir = Fixtures.copy(Fixtures.CLOSED_LOOP, temp.resolve("sweep"));
        edit(dir.resolve("manifest.json"), "\"status\" : \"complete\"", "\"status\" : \"interrupted\"");

        CommandRun run = CommandRun.of(dir.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readString(dir.resolve("report.md"))).contains("_Sweep interrupted, 9 runs, 1 failed_",
                "**Status:** interrupted: the sweep stopped before its plan was done; the runs below finished");
    }

    /** Rewrites the first match of {@code regex} in a copied fixture file. */
    private static void edit(Path file, String regex, String replacement) throws IOException {
        Files.writeString(file, Files.readString(file).replaceFirst(regex, replacement));
    }
}
