package io.iobench.report.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.report.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepReaderTest {

    @Test
    void readsEveryRunInPlanOrderWithItsStatus() throws IOException {
        Sweep sweep = new SweepReader().read(Fixtures.resource(Fixtures.CLOSED_LOOP));

        assertThat(sweep.warnings()).isEmpty();
        assertThat(sweep.models()).containsExactly("thread-per-connection", "selector", "netty-epoll");
        assertThat(sweep.runs()).extracting(Run::id).containsExactly(
                "thread-per-connection-c1-s64", "selector-c1-s64", "netty-epoll-c1-s64",
                "thread-per-connection-c10-s64", "selector-c10-s64", "netty-epoll-c10-s64",
                "thread-per-connection-c100-s64", "selector-c100-s64", "netty-epoll-c100-s64");
        assertThat(sweep.status()).isEqualTo("complete");
        assertThat(sweep.slices()).containsExactly(new Slice(64, 0, "closed", null));

        Run failed = sweep.runs().getLast();
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.failureReason()).startsWith("server exited with status 134");
        assertThat(failed.value(Metric.MSGS_PER_S)).isNull();
        assertThat(failed.value(Metric.SERVER_CPU_CORES)).isNull();
        assertThat(failed.hgrm(false)).isEmpty();
        assertThat(failed.errorText()).isEqualTo("100 (io 100)");

        Run clientBound = sweep.runs().get(7);
        assertThat(clientBound.status()).isEqualTo(RunStatus.FLAGGED);
        assertThat(clientBound.flags()).containsExactly("client_bound");
        assertThat(clientBound.hgrm(false)).hasValue(clientBound.dir().resolve("uncorrected.hgrm"));
        assertThat(clientBound.hgrm(true)).isEmpty();
    }

    @Test
    void aDirectoryHoldingOneRunReadsAsASweepOfOne(@TempDir Path temp) throws IOException {
        Path run = Fixtures.copy(Fixtures.CLOSED_LOOP + "/runs/selector-c10-s64", temp.resolve("one-run"));

        Sweep sweep = new SweepReader().read(run);

        assertThat(sweep.runs()).extracting(r -> r.key().model()).containsExactly("selector");
        assertThat(sweep.warnings()).isEmpty();
        assertThat(sweep.environment().path("kernel").asText()).isEqualTo("6.1.0-synthetic-fixture");
    }

    @Test
    void aRunListedInTheManifestButMissingIsAWarning(@TempDir Path temp) throws IOException {
        Path dir = Fixtures.copy(Fixtures.CLOSED_LOOP, temp.resolve("sweep"));
        Path gone = dir.resolve("runs/selector-c1-s64");
        for (String file : List.of("result.json", "uncorrected.hgrm")) {
            Files.delete(gone.resolve(file));
        }
        Files.delete(gone);

        Sweep sweep = new SweepReader().read(dir);

        assertThat(sweep.runs()).hasSize(8);
        assertThat(sweep.warnings()).extracting(Warning::toString)
                .containsExactly(gone + ": listed in manifest.json but missing; left out");
    }
}
