package io.iobench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.client.LoadOptions;
import io.iobench.results.LoadMode;
import io.iobench.results.SweepManifest;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepPlanTest {

    private static SweepPlan plan(List<Long> rates, boolean closed) {
        return plan(rates, closed, Map.of());
    }

    private static SweepPlan plan(List<Long> rates, boolean closed, Map<String, List<Integer>> threads) {
        return new SweepPlan("t", List.of("a", "b"), List.of(1, 10), List.of(0, 100), List.of(64), rates, closed, 1,
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2), threads, List.of(), Map.of(), List.of(),
                CpuPinning.NONE, Repetitions.once(7));
    }

    @Test
    void givesTheProfilersToTheClientAndUnderGcAGcLogToEachServerInItsRunsDirectory() {
        SweepPlan plain = plan(List.of(), true);
        SweepPlan profiled = new SweepPlan("t", List.of("a"), List.of(1), List.of(0), List.of(64), List.of(), true, 1,
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2), Map.of(), List.of("-Xss256k"),
                Map.of(), List.of(), CpuPinning.NONE, Repetitions.once(7), List.of("syscalls", "gc"));
        SweepPoint point = profiled.points().getFirst();
        InetSocketAddress target = new InetSocketAddress("127.0.0.1", 4000);

        assertThat(profiled.loadOptions(point, 1, target, 99, 1, Path.of("/r/a")).profilers())
                .containsExactly("syscalls", "gc");
        assertThat(profiled.serverJvmOptions("a", Path.of("/r/a/gc.log"))).containsExactly("-Xss256k",
                "-Xlog:gc*,safepoint:file=/r/a/gc.log:time,uptime,level,tags:filecount=0");
        assertThat(plain.loadOptions(point, 1, target, 99, 1, Path.of("/r/a")).profilers()).isEmpty();
        assertThat(plain.serverJvmOptions("a", Path.of("/r/a/gc.log"))).isEmpty();
    }

    @Test
    void runsEveryModelConnectionAndIdleCountModelByModel() {
        List<String> ids = plan(List.of(), true).points().stream().map(SweepPoint::id).toList();
        assertThat(ids).containsExactly(
                "a-c1-s64", "a-c10-s64", "a-c1-i100-s64", "a-c10-i100-s64",
                "b-c1-s64", "b-c10-s64", "b-c1-i100-s64", "b-c10-i100-s64");
    }

    @Test
    void addsOneOpenLoopPointPerRateAfterEachClosedLoopPoint() {
        List<SweepPoint> points = plan(List.of(500L, 1000L), true).points();
        assertThat(points).hasSize(24);
        assertThat(points.subList(0, 3)).extracting(SweepPoint::id)
                .containsExactly("a-c1-s64", "a-c1-s64-r500", "a-c1-s64-r1000");
        assertThat(points.get(1).openLoop()).isTrue();
        assertThat(points.get(0).openLoop()).isFalse();
    }

    @Test
    void openLoopOnlyWhenClosedLoopIsOff() {
        assertThat(plan(List.of(500L), false).points()).allMatch(SweepPoint::openLoop).hasSize(8);
    }

    @Test
    void recordsItsModesInTheManifest() {
        assertThat(plan(List.of(), true).manifestPlan().modes()).containsExactly(LoadMode.CLOSED);
        assertThat(plan(List.of(500L), true).manifestPlan().modes()).containsExactly(LoadMode.CLOSED, LoadMode.OPEN);
        assertThat(plan(List.of(500L), false).manifestPlan().modes()).containsExactly(LoadMode.OPEN);
        SweepManifest.Plan recorded = plan(List.of(500L), true).manifestPlan();
        assertThat(recorded.models()).containsExactly("a", "b");
        assertThat(recorded.ratesMsgsPerS()).containsExactly(500L);
        assertThat(recorded.warmupS()).isEqualTo(1.0);
        assertThat(recorded.serverCpus()).isNull();
    }

    /* The client reads the options the sweep writes: the same check refuses a point, whoever built it. */
    @Test
    void givesTheClientEveryValueOfThePoint() {
        SweepPlan plan = plan(List.of(500L), true);
        SweepPoint open = plan.points().get(1);
        LoadOptions options = plan.loadOptions(open, 1, new InetSocketAddress("127.0.0.1", 4000), 42, 1,
                Path.of("out"));

        assertThat(options.toArguments()).containsSubsequence("--target", "127.0.0.1:4000")
                .containsSubsequence("--warmup", "1s").containsSubsequence("--duration", "2s")
                .containsSubsequence("--rate", "500").containsSubsequence("--server-pid", "42")
                .containsSubsequence("--model", "a").containsSubsequence("--server-threads", "1")
                .doesNotContain("--pipeline");
    }

    /* A model at rest costs the same in every run: its idle CPU is measured once per point, not per repetition. */
    @Test
    void givesOnlyAPointsFirstRepetitionTheIdleWindow() {
        SweepPlan plan = plan(List.of(), true);
        SweepPoint point = plan.points().getFirst();
        InetSocketAddress target = new InetSocketAddress("127.0.0.1", 4000);

        assertThat(plan.loadOptions(point, 1, target, 42, 1, Path.of("out")).idleWindow())
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(plan.loadOptions(point, 2, target, 42, 1, Path.of("out")).idleWindow()).isZero();
    }

    @Test
    void runsAModelAtEachOfItsThreadCountsAndNamesThePoints() {
        List<String> ids = plan(List.of(), true, Map.of("b", List.of(8, 64))).points().stream()
                .filter(p -> p.model().equals("b") && p.idleConnections() == 0).map(SweepPoint::id).toList();

        assertThat(ids).containsExactly("b-c1-t8-s64", "b-c1-t64-s64", "b-c10-t8-s64", "b-c10-t64-s64");
        assertThat(plan(List.of(), true, Map.of("b", List.of(8, 64))).manifestPlan().threads())
                .isEqualTo(Map.of("b", List.of(8, 64)));
    }

    /* A pool smaller than its connections starves the rest: by default the sweep gives it one worker each. */
    @Test
    void givesAPoolAWorkerPerConnectionAndOtherModelsTheirOwnDefault() {
        assertThat(FreshProcesses.launcherThreads(new SweepPoint("thread-pool", 1000, 24, 64, 0))).isEqualTo(1024);
        assertThat(FreshProcesses.launcherThreads(new SweepPoint("thread-pool", 1000, 0, 64, 0, 8))).isEqualTo(8);
        assertThat(FreshProcesses.launcherThreads(new SweepPoint("selector", 1000, 0, 64, 0))).isNull();
        assertThat(FreshProcesses.launcherThreads(new SweepPoint("select", 10, 0, 64, 0))).isNull();
    }

    @Test
    void givesLargerPointsMoreTimeBeforeTheClientIsKilled() {
        SweepPlan plan = plan(List.of(), true);
        Duration small = plan.runTimeout(new SweepPoint("a", 1, 0, 64, 0));
        Duration large = plan.runTimeout(new SweepPoint("a", 10_000, 0, 64, 0));
        assertThat(small).isGreaterThan(Duration.ofSeconds(5));
        assertThat(large).isGreaterThan(small);
    }
}
