package io.iobench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iobench.results.fixture.SampleResults;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep directory as written: atomic files, never overwritten, a manifest and a summary row per run. */
class SweepDirectoryTest {

    static final Instant NOW = Instant.parse("2026-11-27T03:04:05Z");
    static final SweepManifest.Plan PLAN = new SweepManifest.Plan(List.of("selector", "netty-epoll"), List.of(10, 100),
            List.of(0, 5), List.of(64), List.of(LoadMode.CLOSED, LoadMode.OPEN), List.of(50_000L), true, 1, 2.0,
            10.0, 2.0, Map.of("selector", List.of(1, 2)), List.of("-Xmx1g"), List.of(), "0", "1", 2, 5.0, 10, 1234L, true,
            Map.of("busy-poll", List.of("-Xint")));
    static final String OPEN = "selector-c100-i5-s64-r50000";
    static final String FAILED = "busy-poll-c1000-s64";

    @TempDir
    Path root;

    @Test
    void namesANewDirectoryByTimeAndLabelAndSaysItIsRunning() throws IOException {
        SweepDirectory sweep = SweepDirectory.create(null, root, "quick", NOW, List.of("iobench", "sweep"), PLAN);

        assertThat(sweep.path()).isEqualTo(root.resolve("20261127-030405-quick"));
        SweepManifest manifest = JsonFormat.read(sweep.path().resolve(SweepDirectory.MANIFEST), SweepManifest.class);
        assertThat(manifest.status()).isEqualTo(SweepManifest.Status.RUNNING);
        assertThat(manifest.plan()).isEqualTo(PLAN);
        assertThat(Files.readString(sweep.path().resolve(SweepDirectory.SUMMARY))).isEqualTo(SummaryCsv.HEADER + "\n");
    }

    @Test
    void neverWritesIntoAnEarlierResultsDirectory() throws IOException {
        Path earlier = Files.createDirectories(root.resolve("earlier"));
        Files.writeString(earlier.resolve(SweepDirectory.MANIFEST), "{}");

        assertThatThrownBy(() -> SweepDirectory.create(earlier, root, "t", NOW, List.of(), PLAN))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessage(earlier + ": exists: results are never overwritten; choose another --out");
        assertThat(Files.readString(earlier.resolve(SweepDirectory.MANIFEST))).isEqualTo("{}");
    }

    @Test
    void publishesEachFinishedRunWithItsRowAndManifestEntry() throws IOException {
        SweepDirectory sweep = SweepDirectory.create(root.resolve("out"), root, "golden", NOW,
                List.of("iobench", "sweep", "--models", "selector,netty-epoll"), PLAN);
        sweep.beginRound(1, List.of(OPEN, FAILED));
        commit(sweep, new SweepDirectory.Repetition(OPEN + "-rep1", OPEN, 1, 1, "server cpu_steal_pct 3.4 >= 2",
                null), SampleResults.openLoop());
        commit(sweep, new SweepDirectory.Repetition(FAILED + "-rep1", FAILED, 1, 1, null, null),
                SampleResults.failed());
        commit(sweep, new SweepDirectory.Repetition(OPEN + "-rep2", OPEN, 1, 2, null, OPEN + "-rep1"),
                SampleResults.openLoop());
        sweep.converged(OPEN, false, 7.5);
        sweep.finish(SweepManifest.Status.COMPLETE, NOW.plusSeconds(190));

        Path dir = sweep.path();
        Golden.assertJson("manifest.json", Files.readString(dir.resolve(SweepDirectory.MANIFEST)));
        SweepManifest manifest = JsonFormat.read(dir.resolve(SweepDirectory.MANIFEST), SweepManifest.class);
        assertThat(manifest).isEqualTo(sweep.manifest());
        assertThat(manifest.runs()).extracting(SweepManifest.RunEntry::failed).containsExactly(false, true, false);
        assertThat(manifest.points()).containsExactly(
                new SweepManifest.PointRuns(OPEN, List.of(OPEN + "-rep1", OPEN + "-rep2"), false, 7.5),
                new SweepManifest.PointRuns(FAILED, List.of(FAILED + "-rep1"), null, null));
        assertThat(manifest.rounds()).containsExactly(new SweepManifest.Round(1, List.of(OPEN, FAILED)));
        // The sweep runs many models: its environment names none, the run's own result keeps its model.
        assertThat(manifest.environment().serverCommand())
                .isEqualTo("java -cp x io.iobench.server.ServerLauncher --model <model> --port 0");
        assertThat(RunResultFile.read(dir.resolve("runs/" + OPEN + "-rep1/result.json"))
                .environment().serverCommand()).contains("--model selector ");
        assertThat(SummaryCsv.read(dir.resolve(SweepDirectory.SUMMARY))).extracting(row -> row.get("id"))
                .containsExactly(OPEN + "-rep1", FAILED + "-rep1", OPEN + "-rep2");
        // Temporary files and unfinished runs are hidden, and none is left.
        try (var files = Files.walk(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }

    /* A point run once keeps its own name: a sweep of single runs reads as it did before repetitions. */
    @Test
    void listsAPointRunOnceUnderItsOwnName() throws IOException {
        SweepDirectory sweep = SweepDirectory.create(root.resolve("out"), root, "t", NOW, List.of(), PLAN);
        Path scratch = sweep.scratchFor(FAILED);
        sweep.commit(FAILED, scratch, SampleResults.failed());

        assertThat(sweep.manifest().runs()).containsExactly(
                new SweepManifest.RunEntry(FAILED, "runs/" + FAILED, true, SampleResults.failed().flags().reason()));
        assertThat(sweep.manifest().runs().getFirst().point()).isEqualTo(FAILED);
        assertThat(sweep.manifest().points()).extracting(SweepManifest.PointRuns::runs)
                .containsExactly(List.of(FAILED));
    }

    @Test
    void discardsAnInterruptedRun() throws IOException {
        SweepDirectory sweep = SweepDirectory.create(root.resolve("out"), root, "t", NOW, List.of(), PLAN);
        Path scratch = sweep.scratchFor("selector-c10-s64");
        Files.writeString(scratch.resolve(RunFiles.HLOG), "partial");

        sweep.discard(scratch);
        sweep.finish(SweepManifest.Status.INTERRUPTED, NOW);

        assertThat(scratch).doesNotExist();
        assertThat(Files.readAllLines(sweep.path().resolve(SweepDirectory.SUMMARY))).hasSize(1);
        assertThat(sweep.manifest().status()).isEqualTo(SweepManifest.Status.INTERRUPTED);
    }

    /* The reference run of 9e7093c wrote no modes; the plan says them anyway, from closed_loop and the rates. */
    @Test
    void readsManifestsOlderWritersWrote() throws IOException {
        for (String name : List.of("older/manifest-451551f.json", "older/manifest-9e7093c.json")) {
            SweepManifest manifest = JsonFormat.read(RunResultFileTest.resource(name), SweepManifest.class);

            assertThat(manifest.status()).as(name).isEqualTo(SweepManifest.Status.COMPLETE);
            assertThat(manifest.plan().modes()).as(name).containsExactly(LoadMode.CLOSED);
            assertThat(manifest.plan().models()).as(name).contains("selector", "netty-epoll");
            assertThat(manifest.runs()).as(name).hasSize(36);
            // They ran each point once, under its own name, in one round.
            assertThat(manifest.plan().repeat()).as(name).isEqualTo(1);
            assertThat(manifest.plan().maxRepeat()).as(name).isEqualTo(1);
            assertThat(manifest.plan().seed()).as(name).isNull();
            assertThat(manifest.environment().tuning()).as(name).isNull();
            assertThat(manifest.runs()).as(name).allSatisfy(run -> {
                assertThat(run.point()).isEqualTo(run.id());
                assertThat(run.repetition()).isEqualTo(1);
                assertThat(run.round()).isEqualTo(1);
            });
        }
    }

    private static void commit(SweepDirectory sweep, SweepDirectory.Repetition repetition, RunResult result)
            throws IOException {
        Path scratch = sweep.scratchFor(repetition.id());
        RunResultFile.write(result, scratch.resolve(RunFiles.RESULT_JSON));
        assertThat(sweep.commit(repetition, scratch, result)).as("where the run is once committed")
                .isEqualTo(sweep.path().resolve(SweepDirectory.RUNS).resolve(repetition.id())).isDirectory();
        assertThat(scratch).doesNotExist();
    }
}
