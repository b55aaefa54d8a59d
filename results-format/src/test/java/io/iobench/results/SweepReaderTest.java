package io.iobench.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.results.fixture.SyntheticSweep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a sweep directory: every run that can be read, a warning naming each file that cannot. */
class SweepReaderTest {

    @TempDir
    Path temp;

    @Test
    void readsEveryRunAndTheManifestThatListsThem() throws IOException {
        StoredSweep sweep = SweepReader.read(SyntheticSweep.write(SyntheticSweep.CLOSED_LOOP, temp.resolve("s")));

        assertThat(sweep.warnings()).isEmpty();
        assertThat(sweep.runs()).hasSize(9);
        assertThat(sweep.status()).isEqualTo(SweepManifest.Status.COMPLETE);
        assertThat(sweep.label()).isEqualTo("closed-loop-fixture");
        assertThat(sweep.plannedModels()).containsExactly("thread-per-connection", "selector", "netty-epoll");
        assertThat(sweep.manifest().orElseThrow().plan().modes()).containsExactly(LoadMode.CLOSED);
        assertThat(sweep.environment().serverCommand()).contains("--model <model> ");

        StoredRun failed = run(sweep, "netty-epoll-c100-s64");
        assertThat(failed.result().flags().failed()).isTrue();
        assertThat(failed.result().server()).isNull();
        StoredRun flagged = run(sweep, "selector-c100-s64");
        assertThat(flagged.result().flags().raised()).containsExactly(RunResult.RunFlags.Flag.CLIENT_BOUND);
        assertThat(flagged.hgrm(false)).hasValue(flagged.dir().resolve(RunFiles.UNCORRECTED_HGRM));
        assertThat(flagged.hgrm(true)).isEmpty();
    }

    @Test
    void aDirectoryHoldingOneRunReadsAsASweepOfOne() throws IOException {
        Path sweepDir = SyntheticSweep.write(SyntheticSweep.CLOSED_LOOP, temp.resolve("s"));

        StoredSweep one = SweepReader.read(sweepDir.resolve("runs/selector-c10-s64"));

        assertThat(one.runs()).extracting(r -> r.result().point().model()).containsExactly("selector");
        assertThat(one.warnings()).isEmpty();
        assertThat(one.manifest()).isEmpty();
        assertThat(one.environment().kernel()).isEqualTo("6.1.0-synthetic-fixture");
    }

    @Test
    void namesEveryFileItCouldNotUseAndReadsTheRest() throws IOException {
        Path dir = SyntheticSweep.write(SyntheticSweep.CLOSED_LOOP, temp.resolve("s"));
        Path gone = dir.resolve("runs/selector-c1-s64");
        try (var files = Files.list(gone)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(gone);
        Path cut = dir.resolve("runs/selector-c10-s64/result.json");
        Files.writeString(cut, Files.readString(cut).substring(0, 100));
        Path unfinished = Files.createDirectories(dir.resolve("runs/netty-epoll-c10-s64-copy"));
        Files.createDirectories(dir.resolve("runs/.partial-selector-c1000-s64"));

        StoredSweep sweep = SweepReader.read(dir);

        assertThat(sweep.runs()).hasSize(7);
        assertThat(sweep.unreadable()).extracting(UnreadableRun::id)
                .containsExactly("netty-epoll-c10-s64-copy", "selector-c10-s64");
        assertThat(sweep.warnings()).extracting(Warning::toString).containsExactlyInAnyOrder(
                unfinished + ": no result.json (a run that did not finish writing?); left out",
                gone + ": listed in manifest.json but missing; left out",
                cut + ": not valid JSON (" + reasonOf(sweep, cut));
    }

    @Test
    void aRunWithAnImpossibleValueIsUnreadableAndTheRestIsRead() throws IOException {
        Path dir = SyntheticSweep.write(SyntheticSweep.CLOSED_LOOP, temp.resolve("s"));
        Path damaged = dir.resolve("runs/selector-c10-s64/result.json");
        Files.writeString(damaged, Files.readString(damaged).replaceFirst("\"p99\" : \\d+", "\"p99\" : -1388"));

        StoredSweep sweep = SweepReader.read(dir);

        assertThat(sweep.runs()).hasSize(8).extracting(StoredRun::id).doesNotContain("selector-c10-s64");
        String warning = damaged + ": latency_us.uncorrected.p99 is -1388, must be >= 0; run left out";
        assertThat(sweep.warnings()).extracting(Warning::toString).containsExactly(warning);
        assertThat(sweep.unreadable()).singleElement().satisfies(run -> {
            assertThat(run.id()).isEqualTo("selector-c10-s64");
            assertThat(run.dir()).isEqualTo(damaged.getParent());
            assertThat(run.reason()).hasToString(warning);
        });
    }

    @Test
    void aSweepWithoutItsManifestStillReadsItsRuns() throws IOException {
        Path dir = SyntheticSweep.write(SyntheticSweep.OPEN_LOOP, temp.resolve("s"));
        Files.delete(dir.resolve(SweepDirectory.MANIFEST));

        StoredSweep sweep = SweepReader.read(dir);

        assertThat(sweep.runs()).hasSize(4);
        assertThat(sweep.status()).isEqualTo(SweepManifest.Status.UNKNOWN);
        assertThat(sweep.label()).isEqualTo("s");
        assertThat(sweep.warnings()).extracting(Warning::toString).containsExactly(
                dir.resolve(SweepDirectory.MANIFEST) + ": missing; the sweep's status, command and plan are unknown");
    }

    private static StoredRun run(StoredSweep sweep, String id) {
        return sweep.runs().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    /** The parser's words are its own; what matters is that the warning names the file and what was left out. */
    private static String reasonOf(StoredSweep sweep, Path file) {
        List<String> mine = sweep.warnings().stream().map(Warning::toString)
                .filter(w -> w.startsWith(file + ": not valid JSON (")).toList();
        assertThat(mine).singleElement().asString().endsWith("); run left out");
        return mine.getFirst().substring((file + ": not valid JSON (").length());
    }
}
