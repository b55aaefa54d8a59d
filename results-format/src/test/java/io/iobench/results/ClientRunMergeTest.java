package io.iobench.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.results.RunResult.RunFlags.Flag;
import io.iobench.results.fixture.SampleResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two clients' runs merged into one: sums, added histograms, intervals by start time, each client kept. */
class ClientRunMergeTest {

    private static final long START_MS = 1_780_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void mergedLatencyIsThePercentileOfTheAddedHistogramsNotTheMeanOfPercentiles() throws IOException {
        // Client 1 fast (100..199 µs), client 2 slow (1,000..1,999 µs) and carrying a tenth as many messages.
        Histogram fast = histogram(100, 200, 10);
        Histogram slow = histogram(1_000, 2_000, 1);
        Path one = client("1-a", fast, START_MS, Set.of(), 90_000, 1_000);
        Path two = client("2-b", slow, START_MS + 3, Set.of(Flag.CLIENT_BOUND), 9_000, 100);

        RunResult merged = ClientRunMerge.merge(List.of(new ClientRunMerge.ClientRun("root@198.18.0.2", one, 0.0),
                new ClientRunMerge.ClientRun("root@198.18.0.3", two, 3.0)), dir);

        Histogram added = LatencyHistograms.histogram(); // each client's log holds two intervals of its histogram
        List.of(fast, fast, slow, slow).forEach(added::add);
        RunResult.Latency latency = merged.latencyUs().uncorrected();
        assertThat(latency.count()).isEqualTo(2 * (fast.getTotalCount() + slow.getTotalCount()));
        assertThat(latency.p99()).isEqualTo(added.getValueAtPercentile(99));
        assertThat(latency.p50()).isEqualTo(added.getValueAtPercentile(50))
                .isNotEqualTo((fast.getValueAtPercentile(50) + slow.getValueAtPercentile(50)) / 2);
        assertThat(merged.throughput().messages()).isEqualTo(99_000);
        assertThat(merged.throughput().msgsPerS()).isEqualTo(99_000.0);
        assertThat(merged.point().connections()).isEqualTo(1_100);
        assertThat(merged.errors().timeout()).isEqualTo(2);
        assertThat(merged.errors().total()).isEqualTo(4);
        assertThat(merged.flags().clientBound()).isTrue();
        assertThat(merged.server()).isNull();
        assertThat(merged.clients()).extracting(RunResult.ClientShare::host)
                .containsExactly("root@198.18.0.2", "root@198.18.0.3");
        assertThat(merged.clients().get(1).flags()).containsExactly("client_bound");
        assertThat(merged.clients().get(1).p50Us()).isEqualTo(slow.getValueAtPercentile(50));
        assertThat(merged.clients().get(0).dir()).isEqualTo("1-a");

        // The merged log holds every interval, on the sweep's clock, and adds up to the same histogram.
        LatencyLogFile.Intervals log = LatencyLogFile.read(dir.resolve(RunFiles.HLOG));
        List<Histogram> intervals = log.intervals().get(LatencyLogFile.UNCORRECTED);
        assertThat(intervals).hasSize(4);
        assertThat(intervals).extracting(Histogram::getStartTimeStamp)
                .containsExactly(START_MS, START_MS, START_MS + 1000, START_MS + 1000);
        assertThat(log.total(LatencyLogFile.UNCORRECTED)).isEqualTo(added);
        assertThat(HgrmFile.read(dir.resolve(RunFiles.UNCORRECTED_HGRM))).isNotNull();
    }

    @Test
    void aServerAtItsLimitTurnsAClientsClientBoundIntoBothSaturated() throws IOException {
        Path one = client("1-a", histogram(100, 200, 1), START_MS, Set.of(Flag.CLIENT_BOUND), 1_000, 10);
        RunResult merged = ClientRunMerge.merge(List.of(new ClientRunMerge.ClientRun("h", one, null)), dir);
        RunResult.Server server = SampleResults.closedLoop().server();

        assertThat(merged.withServer(server, false).flags().raised()).contains(Flag.CLIENT_BOUND);
        RunResult judged = merged.withServer(server, true);
        assertThat(judged.flags().raised()).contains(Flag.BOTH_SATURATED).doesNotContain(Flag.CLIENT_BOUND);
        assertThat(judged.server()).isEqualTo(server);
    }

    @Test
    void aFailedClientFailsTheMergedRunNamingItsHost() throws IOException {
        Path one = client("1-a", histogram(100, 200, 1), START_MS, Set.of(), 1_000, 10);
        Path two = dir.resolve("2-b");
        Files.createDirectories(two);
        RunResultFile.write(SampleResults.failed(), two.resolve(RunFiles.RESULT_JSON));

        RunResult merged = ClientRunMerge.merge(List.of(new ClientRunMerge.ClientRun("h1", one, null),
                new ClientRunMerge.ClientRun("h2", two, null)), dir);

        assertThat(merged.flags().failed()).isTrue();
        assertThat(merged.flags().reason()).startsWith("h2: client did not finish");
        assertThat(merged.throughput().messages()).isEqualTo(1_000);
    }

    @Test
    void theMergedResultIsSealedByItsGoldenFile() throws IOException {
        Path one = client("1-a", histogram(100, 200, 10), START_MS, Set.of(), 90_000, 1_000);
        Path two = client("2-b", histogram(1_000, 2_000, 1), START_MS + 3, Set.of(Flag.CLIENT_BOUND), 9_000, 100);
        RunResult merged = ClientRunMerge.merge(List.of(new ClientRunMerge.ClientRun("root@198.18.0.2", one, 0.0),
                new ClientRunMerge.ClientRun("root@198.18.0.3", two, 3.0)), dir)
                .withServer(SampleResults.closedLoop().server(), false);
        Golden.assertJson("result-merged.json", RunResultFile.toJson(merged));
    }

    /** A client's run directory: two one-second intervals of {@code half} each, and its result. */
    private Path client(String name, Histogram half, long startMs, Set<Flag> flags, long messages, int connections)
            throws IOException {
        Path run = dir.resolve(name);
        Files.createDirectories(run);
        try (LatencyLogFile log = LatencyLogFile.create(run.resolve(RunFiles.HLOG), startMs)) {
            for (int second = 0; second < 2; second++) {
                Histogram interval = half.copy();
                interval.setStartTimeStamp(startMs + second * 1000L);
                interval.setEndTimeStamp(startMs + (second + 1) * 1000L);
                log.interval(interval, null);
            }
        }
        Histogram total = half.copy();
        total.add(half);
        RunResult sample = SampleResults.closedLoop();
        RunResult result = RunResult.of(
                RunResult.Point.closedLoop("selector", "198.18.0.1:40000", connections, 0, 64, 1),
                new RunResult.Timing(2, 1, 1.0, "2026-12-02T12:00:00Z"), RunResult.Throughput.of(messages, 64, 1.0),
                new RunResult.LatencyUs(RunResult.Latency.of(total, 0), null, 0.99), sample.connect(),
                new RunResult.Errors(1, 0, 0, 0, 0, 1, 0), null,
                sample.client(), RunResult.RunFlags.of(flags, null), sample.environment(),
                RunResult.Files.standard(LoadMode.CLOSED));
        RunResultFile.write(result, run.resolve(RunFiles.RESULT_JSON));
        return run;
    }

    /** {@code copies} of every value from {@code lowUs} to {@code highUs}, exclusive. */
    private static Histogram histogram(long lowUs, long highUs, int copies) {
        Histogram histogram = LatencyHistograms.histogram();
        for (long us = lowUs; us < highUs; us++) {
            histogram.recordValueWithCount(us, copies);
        }
        return histogram;
    }
}
