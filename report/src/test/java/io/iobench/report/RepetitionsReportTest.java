package io.iobench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.results.LatencyHistograms;
import io.iobench.results.LatencyLogFile;
import io.iobench.results.PointsFile;
import io.iobench.results.RunFiles;
import io.iobench.results.RunResultFile;
import io.iobench.results.fixture.SyntheticSweep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep whose points ran several times reports each point's median with its interval and a headline of verdicts
 * between models; one that ran each point once reads as it always has, with one sentence saying why it gives no
 * intervals.
 */
class RepetitionsReportTest {

    @TempDir
    Path temp;

    private Path sweep(SyntheticSweep.Repeated plan) {
        return SyntheticSweep.write(plan, temp.resolve("sweep"));
    }

    @Test
    void threeRepetitionsShowMediansWithIntervalsAndAHeadline() throws IOException {
        Path dir = sweep(SyntheticSweep.Repeated.of(3, 1.0, 0.01, 5L).flagging("selector-c100-s64-r2"));

        CommandRun run = CommandRun.of(dir.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        // Every chart drew, the medians' interval lines among them.
        assertThat(run.err()).doesNotContain("warning");
        assertThat(dir.resolve("charts/throughput-s64.svg")).isRegularFile();
        String markdown = Files.readString(dir.resolve("report.md"));
        assertThat(markdown).contains("the thin vertical line through it is the median's 95% interval");
        assertThat(markdown.indexOf("## Headline")).isPositive().isLessThan(markdown.indexOf("## Sweep and"));
        // netty-epoll is 10% faster by construction, with 1% spread: distinguishable even at three a side.
        assertThat(markdown).containsPattern("selector vs netty-epoll at 10 connections: 0\\.\\d\\d× \\[0\\.\\d\\d,"
                + " 0\\.\\d\\d], distinguishable");
        assertThat(markdown).containsPattern("\\| netty-epoll \\| 100 \\| 3 \\| [\\d,]+ \\[[\\d,]+, [\\d,]+] \\|");
        assertThat(markdown).contains("## Points", "selector-c100-s64-r2: client_bound", "## Runs");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("Headline", "75%");
        assertThat(dir.resolve(PointsFile.CSV)).isRegularFile();
        assertThat(dir.resolve(PointsFile.JSON)).isRegularFile();
    }

    @Test
    void twoRepetitionsSayTheyAreTooFewForAnInterval() throws IOException {
        Path dir = sweep(SyntheticSweep.Repeated.of(2, 1.0, 0.01, 5L));

        assertThat(CommandRun.of(dir.toString()).exit()).isZero();

        String markdown = Files.readString(dir.resolve("report.md"));
        assertThat(markdown).contains("(n=2, too few for an interval)",
                "No point has 3 counted repetitions: verdicts between models need --repeat 3 or more.")
                .doesNotContain("## Headline");
    }

    /* The committed reference and every sweep made before --repeat: one run per point, no brackets added. */
    @Test
    void oneRepetitionReadsAsBeforeWithOneSentence() throws IOException {
        Path dir = Fixtures.copy(Fixtures.CLOSED_LOOP, temp.resolve("closed"));

        assertThat(CommandRun.of(dir.toString()).exit()).isZero();

        String markdown = Files.readString(dir.resolve("report.md"));
        assertThat(markdown).contains("Each point was run once: no intervals can be given with one repetition, and a"
                + " verdict between models needs --repeat 3 or more.")
                .doesNotContain("## Headline", "## Points", "too few for an interval", "95% interval");
        assertThat(markdown).contains("| selector | 10 |");
    }

    /*
     * Three repetitions whose latencies differ by about 30%: points.csv's pooled p99 is the p99 of their interval
     * logs added together, not the mean of the three runs' p99s.
     */
    @Test
    void pooledPercentilesInPointsCsvComeFromTheAddedHistograms() throws IOException {
        Path dir = sweep(SyntheticSweep.Repeated.of(3, 1.0, 0.3, 11L));

        assertThat(CommandRun.of(dir.toString()).exit()).isZero();

        Map<String, String> row = row(dir, "selector", "100");
        Histogram added = LatencyHistograms.histogram();
        double sumOfP99s = 0;
        for (String id : List.of("selector-c100-s64", "selector-c100-s64-r2", "selector-c100-s64-r3")) {
            Path run = dir.resolve("runs").resolve(id);
            added.add(LatencyLogFile.read(run.resolve(RunFiles.HLOG)).total(LatencyLogFile.UNCORRECTED));
            sumOfP99s += RunResultFile.read(run.resolve(RunFiles.RESULT_JSON)).latencyUs().uncorrected().p99();
        }
        long pooled = Long.parseLong(row.get("p99_us_pooled"));
        assertThat(pooled).isEqualTo(added.getValueAtPercentile(99.0));
        double mean = sumOfP99s / 3;
        assertThat(Math.abs(pooled - mean) / mean).as("pooled %s, mean of p99s %s", pooled, mean).isGreaterThan(0.01);
        assertThat(Double.parseDouble(row.get("p99_us_median"))).isNotEqualTo((double) pooled);
    }

    private static Map<String, String> row(Path dir, String model, String connections) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(PointsFile.CSV));
        List<String> header = List.of(lines.getFirst().split(",", -1));
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = List.of(line.split(",", -1));
            if (cells.get(header.indexOf("model")).equals(model)
                    && cells.get(header.indexOf("connections")).equals(connections)) {
                return IntStream.range(0, header.size()).boxed()
                        .collect(Collectors.toMap(header::get, cells::get));
            }
        }
        throw new AssertionError("no point " + model + " at " + connections + " in " + lines);
    }
}
