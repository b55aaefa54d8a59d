package io.iobench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.iobench.results.fixture.SyntheticSweep;
import io.iobench.statistics.ConfidenceInterval;
import io.iobench.statistics.Figure;
import io.iobench.statistics.PointEstimate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A point's statistics over the runs of one sweep that measured it, found by their point alone. */
class PointStatisticsTest {

    @TempDir
    Path dir;

    private List<PointStatistics> points(SyntheticSweep.Repeated plan, Warnings warnings) throws IOException {
        return PointStatistics.of(SweepReader.read(SyntheticSweep.write(plan, dir.resolve("sweep"))), warnings);
    }

    @Test
    void runsOfTheSamePointAreItsRepetitionsInTheOrderTheyStarted() throws IOException {
        List<PointStatistics> points = points(SyntheticSweep.Repeated.of(3, 1.0, 0.02, 7L), new Warnings());

        assertThat(points).hasSize(4);
        PointStatistics first = points.getFirst();
        assertThat(first.key().connections()).isEqualTo(10);
        assertThat(first.key().model()).isEqualTo("netty-epoll");
        assertThat(first.repetitions()).extracting(r -> r.run().id())
                .containsExactly("netty-epoll-c10-s64", "netty-epoll-c10-s64-r2", "netty-epoll-c10-s64-r3");
        assertThat(first.counted()).isEqualTo(3);
    }

    @Test
    void givesEachFigureItsMedianRangeAndOrderStatisticInterval() throws IOException {
        PointStatistics point = points(SyntheticSweep.Repeated.of(5, 1.0, 0.02, 7L), new Warnings()).getFirst();

        PointEstimate throughput = point.estimate(Figure.MSGS_PER_S).orElseThrow();
        assertThat(throughput.repetitions()).isEqualTo(5);
        ConfidenceInterval interval = throughput.interval().orElseThrow();
        assertThat(interval.method()).isEqualTo(ConfidenceInterval.Method.ORDER_STATISTICS);
        assertThat(interval.coverage()).isEqualTo(0.9375);
        assertThat(interval.low()).isEqualTo(throughput.min());
        assertThat(interval.high()).isEqualTo(throughput.max());
        for (Figure figure : Figure.values()) {
            assertThat(point.estimate(figure)).as(figure.label()).isPresent();
        }
    }

    /*
     * Three repetitions whose latencies differ by about 30%: the pooled p99 is the p99 of their interval logs added
     * together, which is not the mean of their three p99s.
     */
    @Test
    void poolsPercentilesFromTheAddedHistogramsNotTheMeanOfPercentiles() throws IOException {
        PointStatistics point = points(SyntheticSweep.Repeated.of(3, 1.0, 0.3, 11L), new Warnings()).getFirst();

        Histogram added = LatencyHistograms.histogram();
        for (PointStatistics.Repetition repetition : point.repetitions()) {
            added.add(LatencyLogFile.read(repetition.run().dir().resolve(RunFiles.HLOG))
                    .total(LatencyLogFile.UNCORRECTED));
        }
        long pooled = point.pooledUs(Figure.P99_US).orElseThrow();
        assertThat(pooled).isEqualTo(added.getValueAtPercentile(99.0));
        double[] perRepetition = point.estimate(Figure.P99_US).orElseThrow().sample().values();
        double mean = (perRepetition[0] + perRepetition[1] + perRepetition[2]) / 3;
        assertThat(Math.abs(pooled - mean) / mean).as("pooled %s against the mean of %s", pooled, mean)
                .isGreaterThan(0.01);
        assertThat(point.estimate(Figure.P99_US).orElseThrow().min()).isLessThan(point.estimate(Figure.P99_US)
                .orElseThrow().max() * 0.95);
        assertThat(point.pooledUs(Figure.MSGS_PER_S)).isEmpty();
    }

    @Test
    void countsAFlaggedRunAndMarksIt() throws IOException {
        PointStatistics selector = points(SyntheticSweep.Repeated.of(3, 1.0, 0.02, 7L)
                .flagging("selector-c10-s64-r2"), new Warnings()).get(1);

        assertThat(selector.key().model()).isEqualTo("selector");
        assertThat(selector.counted()).isEqualTo(3);
        assertThat(selector.flagged()).isEqualTo(1);
        assertThat(selector.repetitions().get(1).marks()).containsExactly("client_bound");
        assertThat(selector.estimate(Figure.MSGS_PER_S).orElseThrow().repetitions()).isEqualTo(3);
    }

    @Test
    void countsARunWithErrorsAndMarksItWithTheirCount() throws IOException {
        Path sweep = SyntheticSweep.write(SyntheticSweep.Repeated.of(3, 1.0, 0.02, 7L), dir.resolve("sweep"));
        Path file = sweep.resolve(SweepDirectory.RUNS).resolve("selector-c10-s64-r3").resolve(RunFiles.RESULT_JSON);
        RunResult r = RunResultFile.read(file);
        RunResultFile.write(RunResult.of(r.point(), r.timing(), r.throughput(), r.latencyUs(), r.connect(),
                new RunResult.Errors(12, 0, 0, 0, 0, 0, 0), r.server(), r.client(), r.flags(), r.environment(),
                r.files()), file);

        PointStatistics selector = PointStatistics.of(SweepReader.read(sweep), new Warnings()).get(1);

        assertThat(selector.counted()).isEqualTo(3);
        assertThat(selector.flagged()).isEqualTo(1);
        assertThat(selector.repetitions().get(2).marks()).containsExactly("errors 12");
    }

    @Test
    void leavesOutTheRunsThatFailedAndNamesAnUnreadableLog() throws IOException {
        Path sweep = SyntheticSweep.write(SyntheticSweep.Repeated.of(3, 1.0, 0.02, 7L), dir.resolve("sweep"));
        Path run = sweep.resolve(SweepDirectory.RUNS).resolve("selector-c10-s64-r3");
        RunResult failed = RunResultFile.read(run.resolve(RunFiles.RESULT_JSON)).withFailure("server died");
        RunResultFile.write(failed, run.resolve(RunFiles.RESULT_JSON));
        Files.writeString(sweep.resolve(SweepDirectory.RUNS).resolve("selector-c10-s64-r2").resolve(RunFiles.HLOG),
                "not a log\n");
        Warnings warnings = new Warnings();

        PointStatistics selector = PointStatistics.of(SweepReader.read(sweep), warnings).get(1);

        assertThat(selector.counted()).isEqualTo(2);
        assertThat(selector.repetitions().get(2).excluded()).isEqualTo("failed: server died");
        assertThat(selector.estimate(Figure.MSGS_PER_S).orElseThrow().interval()).isEmpty();
        assertThat(selector.estimate(Figure.MSGS_PER_S).orElseThrow().median())
                .isCloseTo(selector.estimate(Figure.MSGS_PER_S).orElseThrow().sample().values()[0] / 2
                        + selector.estimate(Figure.MSGS_PER_S).orElseThrow().sample().values()[1] / 2, within(1e-6));
        assertThat(selector.pooledUs(Figure.P99_US)).isEmpty();
        assertThat(warnings.all()).singleElement().satisfies(w -> assertThat(w.file().toString())
                .endsWith("selector-c10-s64-r2/latency.hlog"));
    }
}
