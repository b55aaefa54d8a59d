package io.iobench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JMH results become a bar chart with error bars and a table, given with --jmh or found as jmh-*.json. */
class JmhReportTest {

    private static final String CHART = "charts/jmh-echo-EchoRoundTrip.roundTrip-thrpt";
    private static final String ROW = "| EchoRoundTrip.roundTrip | thrpt | ";

    @Test
    void addsAChartAndATableForAJmhFileGivenWithJmh(@TempDir Path temp) throws IOException {
        Path dir = Fixtures.copy(Fixtures.CLOSED_LOOP, temp.resolve("sweep"));

        CommandRun run = CommandRun.of(dir.toString(), "--jmh", Fixtures.resource(Fixtures.JMH).toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Pictures.distinctColours(Pictures.png(dir.resolve(CHART + ".png")))).isGreaterThan(50);
        Pictures.svg(dir.resolve(CHART + ".svg"));
        String markdown = Files.readString(dir.resolve("report.md"));
        assertThat(markdown).contains("## JMH: jmh-echo.json", "](" + CHART + ".png)")
                .contains(ROW + "thread-per-connection | 1 | 64 | 44,000 | 2,512 | ops/s | 6 |")
                .contains(ROW + "selector | 10 | 64 | 134,829 | 7,050 | ops/s | 6 |")
                // One sample: JMH wrote scoreError "NaN", which the table shows as missing.
                .contains(ROW + "netty-epoll | 10 | 64 | 166,762 | — | ops/s | 1 |");
    }

    @Test
    void findsJmhFilesInsideADirectoryWithoutRuns(@TempDir Path temp) throws IOException {
        Path dir = Files.createDirectories(temp.resolve("jmh-only"));
        Files.copy(Fixtures.resource(Fixtures.JMH), dir.resolve("jmh-echo.json"));

        CommandRun run = CommandRun.of(dir.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(dir.resolve(CHART + ".png")).exists();
        assertThat(Files.readString(dir.resolve("report.html"))).contains("JMH: jmh-echo.json", "<svg");
    }

    @Test
    void warnsAboutAJmhFileThatIsNotJmhJson(@TempDir Path temp) throws IOException {
        Path dir = Fixtures.copy(Fixtures.CLOSED_LOOP, temp.resolve("sweep"));
        Path broken = Files.writeString(dir.resolve("jmh-broken.json"), "{\"not\": \"an array\"}");

        CommandRun run = CommandRun.of(dir.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains(broken + ": not a JMH result file");
        assertThat(Files.readString(dir.resolve("report.md"))).contains(broken + ": not a JMH result file",
                "| selector | 10 |");
    }
}
