package io.iobench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in the arguments are one line and exit 2; nothing to report is exit 1; --help is exit 0. */
class ReportCommandTest {

    @Test
    void helpPrintsTheUsage() {
        CommandRun run = CommandRun.of("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("usage: iobench report DIR").contains("--compare DIR_A DIR_B");
    }

    @Test
    void usageMistakesAreOneLineAndExitTwo(@TempDir Path temp) throws IOException {
        Path dir = Files.createDirectories(temp.resolve("sweep"));
        String[][] mistakes = {
            {},
            {"--colour", "red", dir.toString()},
            {dir.toString(), dir.toString()},
            {"--compare", dir.toString()},
            {"--compare", dir.toString(), dir.toString(), "--jmh", "x.json"},
            {temp.resolve("missing").toString()},
            {dir.toString(), "--percentile-connections", "many"},
            {dir.toString(), "--percentile-connections", "0"},
            {dir.toString(), "--jmh", temp.resolve("missing.json").toString()},
            {dir.toString(), "--out"},
        };
        for (String[] args : mistakes) {
            CommandRun run = CommandRun.of(args);
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err().lines().count()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).startsWith("iobench report: ").doesNotContain("Exception");
        }
    }

    @Test
    void aDirectoryWithNothingToReportExitsOne(@TempDir Path temp) throws IOException {
        Path dir = Files.createDirectories(temp.resolve("empty"));
        CommandRun run = CommandRun.of(dir.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("nothing to report in " + dir);
        assertThat(dir.resolve("report.html")).doesNotExist();
    }

    @Test
    void outPutsTheReportElsewhere(@TempDir Path temp) throws IOException {
        Path dir = Fixtures.copy(Fixtures.OPEN_LOOP, temp.resolve("sweep"));
        Path out = temp.resolve("elsewhere");
        CommandRun run = CommandRun.of(dir.toString(), "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(out.resolve("report.html")).exists();
        assertThat(out.resolve("charts/throughput-s64-open-r20000.png")).exists();
        assertThat(dir.resolve("report.html")).doesNotExist();
    }
}
