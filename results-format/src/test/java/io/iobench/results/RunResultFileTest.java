package io.iobench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.iobench.results.fixture.SampleResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** result.json: sealed by golden files, read back whole, and read tolerantly from older and damaged files. */
class RunResultFileTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryFieldUnderItsNameInItsPlace() throws IOException {
        Golden.assertJson("result-open-loop.json", written(SampleResults.openLoop()));
        Golden.assertJson("result-closed-loop.json", written(SampleResults.closedLoop()));
        Golden.assertJson("result-failed.json", written(SampleResults.failed()));
    }

    @Test
    void readsBackWhatItWroteAndLeavesNoTemporaryFile() throws IOException {
        for (RunResult sample : new RunResult[] {SampleResults.openLoop(), SampleResults.closedLoop(),
                SampleResults.failed()}) {
            Path file = dir.resolve(RunFiles.RESULT_JSON);
            RunResultFile.write(sample, file);

            assertThat(RunResultFile.read(file)).isEqualTo(sample);
            assertThat(RunResultFile.read(file, new Warnings())).hasValue(sample);
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly(RunFiles.RESULT_JSON);
            }
        }
    }

    @Test
    void recordsAProcessAsPinnedOnlyWhenItsAffinityLeftOutSomeOfTheHostsCpus() {
        RunResult.Pinning unpinned = RunResult.Pinning.of("0-1", 2, "0-1", 2, 2);
        RunResult.Pinning pinned = RunResult.Pinning.of("0", 1, "1", 1, 2);
        RunResult.Pinning noServer = RunResult.Pinning.of(null, null, "1", 1, 2);

        assertThat(unpinned.serverPinned()).isFalse();
        assertThat(unpinned.clientPinned()).isFalse();
        assertThat(pinned.serverPinned()).isTrue();
        assertThat(pinned.clientPinned()).isTrue();
        assertThat(noServer.serverPinned()).isNull();
        assertThat(noServer.clientPinned()).isTrue();
    }

    @Test
    void marksAFinishedRunFailedAfterTheReasonItHad() {
        RunResult failed = SampleResults.closedLoop().withFailure("server died during the run (exit code 137)")
                .withFailure("server exited with code 137 on SIGTERM");

        assertThat(failed.flags().failed()).isTrue();
        assertThat(failed.flags().reason())
                .isEqualTo("server died during the run (exit code 137); server exited with code 137 on SIGTERM");
        assertThat(failed.throughput()).isEqualTo(SampleResults.closedLoop().throughput());
    }

    @Test
    void dividesTheServersSystemCallsByTheEchoesOfTheWindow() {
        RunProfile.Syscalls counted = SampleResults.profile().syscalls();

        RunProfile.Syscalls perMessage = counted.perMessage(500_000);

        assertThat(counted.perMessage()).isNull();
        assertThat(perMessage.totalPerMessage()).isEqualTo(4.0);
        assertThat(perMessage.perMessage()).containsExactly(entry("epoll_wait", 0.5), entry("read", 2.0002),
                entry("write", 1.0));
        assertThat(counted.perMessage(0).perMessage()).isNull();
    }

    @Test
    void marksARunProfiledOnlyWhenAProfilerRanOverItsWindow() {
        RunProfile nothingRan = new RunProfile(List.of("syscalls"),
                List.of(RunProfile.ProfilerRun.skipped("syscalls", "no perf here")), null, null, null);

        assertThat(SampleResults.openLoop().profiled()).isTrue();
        assertThat(SampleResults.closedLoop().profiled()).isFalse();
        assertThat(SampleResults.closedLoop().withProfile(nothingRan).profiled()).isFalse();
    }

    @Test
    void refusesANegativeSystemCallCount() throws IOException {
        RunProfile broken = new RunProfile(List.of("syscalls"), List.of(RunProfile.ProfilerRun.ran("syscalls", null)),
                RunProfile.Syscalls.counted(1.0, -5, Map.of("read", 3L)), null, null);
        Path file = dir.resolve(RunFiles.RESULT_JSON);
        RunResultFile.write(SampleResults.closedLoop().withProfile(broken), file);

        assertThatThrownBy(() -> RunResultFile.read(file)).hasMessageContaining("profile.syscalls.total is -5");
    }

    /* Real files of the reference run as committed at 451551f (before client.io, steal, runqueue wait and
       latency_incomplete) and at 9e7093c (the last writer before this module). */
    @Test
    void readsFilesOlderWritersWrote() throws IOException {
        Warnings warnings = new Warnings();

        RunResult first = RunResultFile.read(resource("older/result-451551f.json"), warnings).orElseThrow();
        RunResult last = RunResultFile.read(resource("older/result-9e7093c.json"), warnings).orElseThrow();

        assertThat(warnings.all()).isEmpty();
        assertThat(first.point().model()).isEqualTo("selector");
        assertThat(first.point().mode()).isEqualTo(LoadMode.CLOSED);
        assertThat(first.throughput().msgsPerS()).isEqualTo(43470.7);
        assertThat(first.client().io()).isNull();
        assertThat(first.server().cpuStealPct()).isNull();
        assertThat(first.server().runqueueWait()).isEqualTo(RunResult.RunqueueWait.UNKNOWN);
        assertThat(first.flags().raised()).isEmpty();
        assertThat(first.environment().tuning()).as("written before the host's tuning was recorded").isNull();
        assertThat(first.profile()).isNull();
        assertThat(last.profile()).isNull();
        assertThat(last.point().model()).isEqualTo("thread-pool");
        assertThat(last.flags().latencyIncomplete()).isTrue();
        assertThat(last.client().io()).isEqualTo("io_uring");
        assertThat(last.server().runqueueWait().runqueueWaitUsPerMsg()).isNotNull();
    }

    @Test
    void ignoresFieldsANewerWriterAddedAndReadsAMissingModeFromTheRate() throws IOException {
        Path file = dir.resolve(RunFiles.RESULT_JSON);
        String json = written(SampleResults.openLoop()).replace("\"mode\" : \"open\",", "")
                .replace("\"schema\" : \"iobench-run/1\",", "\"schema\" : \"iobench-run/1\", \"added_later\" : 7,");
        Files.writeString(file, json);

        RunResult read = RunResultFile.read(file);

        assertThat(read.point().mode()).isEqualTo(LoadMode.OPEN);
        assertThat(read).isEqualTo(SampleResults.openLoop());
    }

    @Test
    void namesTheFileAndWhereItStoppedWhenItIsTruncated() throws IOException {
        Path file = dir.resolve(RunFiles.RESULT_JSON);
        String json = written(SampleResults.openLoop());
        Files.writeString(file, json.substring(0, json.length() / 2));

        assertThatThrownBy(() -> RunResultFile.read(file)).isInstanceOf(ResultFormatException.class)
                .hasMessageStartingWith(file + ": not valid JSON (").hasMessageContaining("at line");
        Warnings warnings = new Warnings();
        assertThat(RunResultFile.read(file, warnings)).isEmpty();
        assertThat(warnings.all()).singleElement().asString().startsWith(file + ": not valid JSON (")
                .endsWith("); run left out");
    }

    @Test
    void refusesAnotherSchemaWhenStrictAndWarnsWhenTolerant() throws IOException {
        Path file = dir.resolve("other.json");
        Files.writeString(file, "{\"schema\": \"iobench-run/2\", \"connections\": 3}");

        assertThatThrownBy(() -> RunResultFile.read(file)).isInstanceOf(ResultFormatException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("iobench-run/1")
                .hasMessageContaining("schema: iobench-run/2");
        Warnings warnings = new Warnings();
        Optional<RunResult> read = RunResultFile.read(file, warnings);
        assertThat(read).isPresent();
        assertThat(read.get().point().connections()).isEqualTo(3);
        assertThat(warnings.all()).singleElement().asString()
                .endsWith("schema is iobench-run/2, expected iobench-run/1; read as far as fields match");
    }

    private String written(RunResult result) throws IOException {
        Path file = dir.resolve("written.json");
        RunResultFile.write(result, file);
        return Files.readString(file);
    }

    static Path resource(String name) {
        return Path.of("src/test/resources").resolve(name);
    }
}
