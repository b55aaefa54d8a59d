package io.iobench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.results.RunResult.RunFlags.Flag;
import io.iobench.results.SweepDirectory;
import io.iobench.results.SweepManifest;
import io.iobench.results.SweepReader;
import io.iobench.statistics.rounds.RoundOrder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep's rounds, its noise gate and {@code --until-ci}, over made-up repetitions ({@link FakeMeasurement}):
 * what is visited in which order, what each run is named and what the manifest says about it.
 */
class SweepRoundsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");
    private static final String NOISY_POINT = "a-c10-s64";

    @TempDir
    Path tmp;

    /** 2 models x connections {1, 10}: a-c1-s64, a-c10-s64, b-c1-s64, b-c10-s64. */
    private static SweepPlan plan(Repetitions repetitions) {
        return new SweepPlan("t", List.of("a", "b"), List.of(1, 10), List.of(0), List.of(64), List.of(), true, 1,
                Duration.ofMillis(200), Duration.ofMillis(300), Duration.ZERO, Map.of(), List.of(), Map.of(), List.of(),
                CpuPinning.NONE, repetitions);
    }

    private SweepManifest sweep(SweepPlan plan, FakeMeasurement measurement) throws IOException {
        SweepDirectory results = SweepDirectory.create(tmp.resolve("sweep"), tmp, "t", NOW,
                List.of("iobench", "sweep"), plan.manifestPlan());
        Sweep sweep = new Sweep(plan, results, new PrintStream(OutputStream.nullOutputStream()),
                Clock.fixed(NOW, ZoneOffset.UTC), measurement);
        assertThat(sweep.run()).isTrue();
        return SweepReader.read(results.path()).manifest().orElseThrow();
    }

    @Test
    void visitsEveryPointOncePerRoundInTheOrderItsRecordedSeedGives() throws IOException {
        SweepPlan plan = plan(Repetitions.exactly(3, 42));
        FakeMeasurement measurement = new FakeMeasurement((point, repetition) ->
                FakeMeasurement.clean(point, 100_000));

        SweepManifest manifest = sweep(plan, measurement);

        // The order is made again from what the manifest recorded, not from what the test passed.
        RoundOrder<SweepPoint> order = RoundOrder.shuffled(plan.points(), manifest.plan().repeat(),
                manifest.plan().seed());
        assertThat(manifest.plan().seed()).isEqualTo(42L);
        assertThat(manifest.rounds()).extracting(SweepManifest.Round::points).containsExactlyElementsOf(
                order.rounds().stream().map(round -> round.stream().map(SweepPoint::id).toList()).toList());
        assertThat(measurement.visits).containsExactlyElementsOf(IntStream.range(0, 3).boxed()
                .flatMap(r -> order.round(r).stream().map(p -> p.id() + "#" + (r + 1))).toList());
        assertThat(manifest.runs()).extracting(SweepManifest.RunEntry::round).containsExactly(1, 1, 1, 1, 2, 2, 2, 2,
                3, 3, 3, 3);
        assertThat(manifest.points()).hasSize(4).allSatisfy(point -> assertThat(point.runs())
                .containsExactly(point.id() + "-rep1", point.id() + "-rep2", point.id() + "-rep3"));
        assertThat(manifest.points()).extracting(SweepManifest.PointRuns::converged).containsOnlyNulls();
        for (SweepManifest.RunEntry run : manifest.runs()) {
            assertThat(tmp.resolve("sweep").resolve(run.dir()).resolve("result.json")).isRegularFile();
            assertThat(run.id()).isEqualTo(run.point() + "-rep" + run.repetition());
        }
    }

    @Test
    void namesEachRunAfterItsPointWhenEveryPointRunsOnce() throws IOException {
        SweepManifest manifest = sweep(plan(Repetitions.once(7)),
                new FakeMeasurement((point, repetition) -> FakeMeasurement.clean(point, 100_000)));

        assertThat(manifest.runs()).extracting(SweepManifest.RunEntry::id)
                .containsExactlyInAnyOrder("a-c1-s64", "a-c10-s64", "b-c1-s64", "b-c10-s64");
        assertThat(manifest.plan().repeat()).isEqualTo(1);
    }

    /* Stolen CPU stalls the process pinned there without showing in its CPU time: the run is kept and run again. */
    @Test
    void rerunsANoisyRepetitionOnceAtTheEndOfItsRoundAndKeepsBoth() throws IOException {
        FakeMeasurement measurement = new FakeMeasurement((point, repetition) -> {
            if (!point.id().equals(NOISY_POINT)) {
                return FakeMeasurement.clean(point, 100_000);
            }
            return switch (repetition) {
                case 1 -> FakeMeasurement.run(point, 60_000, 3.0, 0.1, Set.of());
                case 2 -> FakeMeasurement.run(point, 90_000, 0.1, 2.5, Set.of(Flag.CLIENT_BOUND));
                default -> FakeMeasurement.clean(point, 100_000);
            };
        });

        SweepManifest manifest = sweep(plan(Repetitions.exactly(2, 42)), measurement);

        List<SweepManifest.RunEntry> firstRound = manifest.runs().stream().filter(run -> run.round() == 1).toList();
        assertThat(firstRound).hasSize(5);
        SweepManifest.RunEntry stolen = run(manifest, NOISY_POINT + "-rep1");
        assertThat(stolen.noisy()).isEqualTo("server cpu_steal_pct 3.0 >= 2");
        assertThat(stolen.rerunOf()).isNull();
        // The re-run closes its round; noisy again, it is marked and not run a third time.
        assertThat(firstRound.getLast().id()).isEqualTo(NOISY_POINT + "-rep2");
        assertThat(firstRound.getLast().rerunOf()).isEqualTo(NOISY_POINT + "-rep1");
        assertThat(firstRound.getLast().noisy()).isEqualTo("client cpu_steal_pct 2.5 >= 2; client_bound");
        assertThat(manifest.rounds().getFirst().points()).hasSize(4).doesNotHaveDuplicates();
        assertThat(manifest.runs()).hasSize(9);
        assertThat(point(manifest, NOISY_POINT).runs())
                .containsExactly(NOISY_POINT + "-rep1", NOISY_POINT + "-rep2", NOISY_POINT + "-rep3");
        assertThat(run(manifest, NOISY_POINT + "-rep3").noisy()).isNull();
        assertThat(manifest.runs().stream().filter(run -> !run.point().equals(NOISY_POINT)))
                .allSatisfy(run -> assertThat(run.noisy()).isNull());
    }

    @Test
    void marksANoisyRepetitionWithoutRunningItAgainUnderNoRerun() throws IOException {
        SweepManifest manifest = sweep(plan(Repetitions.exactly(1, 42).rerunningNoisy(false)),
                new FakeMeasurement((point, repetition) -> FakeMeasurement.run(point, 60_000,
                        point.id().equals(NOISY_POINT) ? 3.0 : 0.1, 0.1, Set.of())));

        assertThat(manifest.runs()).hasSize(4);
        assertThat(run(manifest, NOISY_POINT).noisy()).isEqualTo("server cpu_steal_pct 3.0 >= 2");
        assertThat(manifest.plan().rerunNoisy()).isFalse();
    }

    /*
     * The a points repeat within 0.1%, the b points swing by half: a reaches ±5% at its sixth clean repetition, the
     * first whose order-statistic interval covers 95%, and leaves; b runs to --max-repeat and never gets there.
     */
    @Test
    void addsRoundsUntilAPointsIntervalIsNarrowAndStopsAtMaxRepeatOtherwise() throws IOException {
        FakeMeasurement measurement = new FakeMeasurement((point, repetition) -> FakeMeasurement.clean(point,
                point.model().equals("a") ? 100_000 + repetition * 10 : repetition % 2 == 0 ? 50_000 : 150_000));

        SweepManifest manifest = sweep(plan(new Repetitions(3, 5.0, 8, 42, true)), measurement);

        for (String narrow : List.of("a-c1-s64", "a-c10-s64")) {
            SweepManifest.PointRuns point = point(manifest, narrow);
            assertThat(point.runs()).as(narrow).hasSize(6);
            assertThat(point.converged()).as(narrow).isTrue();
            assertThat(point.ciPct()).as(narrow).isBetween(0.0, 5.0);
        }
        for (String wide : List.of("b-c1-s64", "b-c10-s64")) {
            SweepManifest.PointRuns point = point(manifest, wide);
            assertThat(point.runs()).as(wide).hasSize(8);
            assertThat(point.converged()).as(wide).isFalse();
            assertThat(point.ciPct()).as(wide).isGreaterThan(5.0);
        }
        assertThat(manifest.rounds()).hasSize(8);
        assertThat(manifest.rounds().subList(0, 6)).allSatisfy(round -> assertThat(round.points()).hasSize(4));
        assertThat(manifest.rounds().subList(6, 8)).allSatisfy(round -> assertThat(round.points())
                .containsExactlyInAnyOrder("b-c1-s64", "b-c10-s64"));
        assertThat(manifest.plan().untilCiPct()).isEqualTo(5.0);
        assertThat(manifest.plan().maxRepeat()).isEqualTo(8);
        // No point runs twice in a row, even where rounds leave points out.
        List<String> visited = manifest.runs().stream().map(SweepManifest.RunEntry::point).toList();
        for (int i = 1; i < visited.size(); i++) {
            assertThat(visited.get(i)).as("visit " + i).isNotEqualTo(visited.get(i - 1));
        }
    }

    /* Noisy and failed repetitions do not speak for a point: they stay in the data and out of its interval. */
    @Test
    void judgesAPointsIntervalByItsCleanRepetitionsOnly() throws IOException {
        FakeMeasurement measurement = new FakeMeasurement((point, repetition) -> repetition == 2
                ? FakeMeasurement.run(point, 10_000, 5.0, 0.1, Set.of())
                : FakeMeasurement.clean(point, 100_000 + repetition));

        SweepManifest manifest = sweep(plan(new Repetitions(3, 5.0, 6, 42, false)), measurement);

        // Six rounds, one repetition stolen: five clean ones cover 93.75% at most, never the 95% sought.
        assertThat(manifest.points()).allSatisfy(point -> {
            assertThat(point.runs()).hasSize(6);
            assertThat(point.converged()).isFalse();
            assertThat(point.ciPct()).isNull();
        });
    }

    private static SweepManifest.RunEntry run(SweepManifest manifest, String id) {
        return manifest.runs().stream().filter(run -> run.id().equals(id)).findFirst().orElseThrow();
    }

    private static SweepManifest.PointRuns point(SweepManifest manifest, String id) {
        return manifest.points().stream().filter(point -> point.id().equals(id)).findFirst().orElseThrow();
    }
}
