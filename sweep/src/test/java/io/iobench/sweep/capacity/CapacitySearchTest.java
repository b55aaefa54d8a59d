package io.iobench.sweep.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.results.CapacityFile;
import io.iobench.results.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The search on made-up servers: it converges within its precision, in few probes, and stops when it must. */
class CapacitySearchTest {

    private static final Objective P99_1MS = Objective.parse("--slo", "p99=1ms");
    private static final SearchSettings SETTINGS = new SearchSettings(1000, 1_000_000, 2.0, 5.0, 3);

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);

    @Test
    void convergesToTheKneeWithinThePrecisionInBoundedProbes() throws Exception {
        for (long knee : new long[] {1000, 1500, 37_000, 50_000, 123_456, 999_999}) {
            FakeProbes server = new FakeProbes(rate -> FakeProbes.kneeAt(knee, rate));

            SearchResult found = new CapacitySearch(SETTINGS, P99_1MS, server, log).run();

            long passing = found.passing().probe().rateTargetMsgsPerS();
            long failing = found.failing().probe().rateTargetMsgsPerS();
            assertThat(passing).as("knee " + knee).isLessThanOrEqualTo(knee).isGreaterThanOrEqualTo(
                    (long) Math.floor(knee / 1.05));
            assertThat(failing).as("knee " + knee).isGreaterThan(knee).isLessThanOrEqualTo((long) (passing * 1.05) + 1);
            assertThat(found.endedBy()).isEqualTo(CapacityFile.EndedBy.OBJECTIVE);
            assertThat(server.rates).as("knee " + knee).hasSizeLessThanOrEqualTo(SETTINGS.maxProbes());
            // The found rate three times in all, its passing probe first.
            assertThat(found.atFound()).hasSize(3).allMatch(j -> j.probe().rateTargetMsgsPerS() == passing);
            assertThat(server.rates.subList(server.rates.size() - 2, server.rates.size())).containsOnly(passing);
        }
    }

    @Test
    void givesTheCapacityItsIntervalFromTheRunsAtTheFoundRate() throws Exception {
        long[] achieved = {40_000, 39_700, 39_900};
        int[] call = {0};
        FakeProbes server = new FakeProbes(rate -> rate <= 40_000 && rate > 39_000
                ? FakeProbes.run(rate, achieved[call[0]++ % 3], 300, RunResult.Errors.NONE, Set.of())
                : FakeProbes.kneeAt(40_000, rate));
        SearchSettings settings = new SearchSettings(10_000, 100_000, 2.0, 1.0, 3);

        SearchResult found = new CapacitySearch(settings, P99_1MS, server, log).run();
        CapacityFile.CapacityPoint point = found.toFile("fake", 10, 64);

        assertThat(point.foundRateMsgsPerS()).isEqualTo(40_000);
        assertThat(point.capacityMsgsPerS()).isEqualTo(39_900);
        assertThat(point.low()).isEqualTo(39_700);
        assertThat(point.high()).isEqualTo(40_000);
        assertThat(point.coverage()).isEqualTo(0.75);
        assertThat(point.met()).isEqualTo(3);
        assertThat(point.p99Us()).isEqualTo(300);
        assertThat(point.probes()).extracting(CapacityFile.Probe::run)
                .containsExactlyElementsOf(found.probes().stream().map(j -> j.probe().runId()).toList());
    }

    @Test
    void stopsOnErrorsAndSaysSo() throws Exception {
        FakeProbes server = new FakeProbes(rate -> rate < 8000 ? FakeProbes.kneeAt(1_000_000, rate)
                : FakeProbes.run(rate, rate, 200, new RunResult.Errors(0, 0, 3, 0, 0, 0, 0), Set.of()));

        SearchResult found = new CapacitySearch(SETTINGS, P99_1MS, server, log).run();

        assertThat(found.endedBy()).isEqualTo(CapacityFile.EndedBy.ERRORS);
        assertThat(found.endedDetail()).isEqualTo("3 errors at 8000 msgs/s");
        assertThat(found.passing().probe().rateTargetMsgsPerS()).isEqualTo(4000);
        assertThat(found.failing()).isNull();
        // No probe past the one with errors but the repetitions of the found rate.
        assertThat(server.rates).containsExactly(1000L, 2000L, 4000L, 8000L, 4000L, 4000L);
    }

    @Test
    void aFailedProbeEndsTheSearchWithoutRepeatingTheFoundRate() throws Exception {
        FakeProbes server = new FakeProbes(rate -> rate < 4000 ? FakeProbes.kneeAt(1_000_000, rate)
                : RunResult.failed(RunResult.Point.openLoop("fake", null, 10, 0, 64, rate), 0.2, 1,
                        "2026-12-02T03:00:00Z", "server died during the run (exit code 137)"));

        SearchResult found = new CapacitySearch(SETTINGS, P99_1MS, server, log).run();

        assertThat(found.endedBy()).isEqualTo(CapacityFile.EndedBy.FAILED);
        assertThat(found.endedDetail()).isEqualTo("failed at 4000 msgs/s: server died during the run (exit code 137)");
        assertThat(server.rates).containsExactly(1000L, 2000L, 4000L);
        assertThat(found.toFile("fake", 10, 64).capacityMsgsPerS()).isEqualTo(2000.0);
    }

    @Test
    void stopsWhenTheClientIsTheLimitAndSaysSo() throws Exception {
        FakeProbes server = new FakeProbes(rate -> FakeProbes.run(rate, rate, 200, RunResult.Errors.NONE,
                rate >= 16_000 ? Set.of(RunResult.RunFlags.Flag.CLIENT_BOUND) : Set.of()));

        SearchResult found = new CapacitySearch(SETTINGS, P99_1MS, server, log).run();

        assertThat(found.endedBy()).isEqualTo(CapacityFile.EndedBy.CLIENT_BOUND);
        assertThat(found.endedDetail()).contains("client_bound at 16000 msgs/s");
        assertThat(found.passing().probe().rateTargetMsgsPerS()).isEqualTo(8000);
        assertThat(server.rates).containsExactly(1000L, 2000L, 4000L, 8000L, 16_000L, 8000L, 8000L);
        assertThat(logged.toString(StandardCharsets.UTF_8)).contains("client_bound at 16000 msgs/s");
    }

    @Test
    void bracketsARateMissedAsItBracketsTheObjective() throws Exception {
        FakeProbes server = new FakeProbes(rate -> FakeProbes.run(rate, Math.min(rate, 30_000), 200,
                RunResult.Errors.NONE, Set.of()));

        SearchResult found = new CapacitySearch(SETTINGS, P99_1MS, server, log).run();

        assertThat(found.endedBy()).isEqualTo(CapacityFile.EndedBy.RATE_MISSED);
        // 30,000 of 30,300 is 99.0%: the highest rate that still passes is within 1% above the plateau.
        assertThat(found.passing().probe().rateTargetMsgsPerS()).isBetween((long) (30_303 / 1.05), 30_303L);
    }

    @Test
    void aPointThatMissesEvenTheLowestRateIsBelowIt() throws Exception {
        FakeProbes server = new FakeProbes(rate -> FakeProbes.kneeAt(10, rate));

        SearchResult found = new CapacitySearch(SETTINGS, P99_1MS, server, log).run();

        assertThat(found.endedBy()).isEqualTo(CapacityFile.EndedBy.BELOW_LOWEST_RATE);
        assertThat(found.passing()).isNull();
        assertThat(found.capacity()).isNull();
        assertThat(found.toFile("fake", 10, 64).capacityMsgsPerS()).isNull();
        assertThat(server.rates).containsExactly(1000L);
    }

    @Test
    void aServerThatMeetsTheHighestRateEndsThere() throws Exception {
        FakeProbes server = new FakeProbes(rate -> FakeProbes.kneeAt(Long.MAX_VALUE, rate));
        SearchSettings settings = new SearchSettings(1000, 5000, 2.0, 5.0, 2);

        SearchResult found = new CapacitySearch(settings, P99_1MS, server, log).run();

        assertThat(found.endedBy()).isEqualTo(CapacityFile.EndedBy.HIGHEST_RATE);
        assertThat(server.rates).containsExactly(1000L, 2000L, 4000L, 5000L, 5000L);
    }
}
