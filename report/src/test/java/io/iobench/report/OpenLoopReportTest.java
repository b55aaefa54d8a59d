package io.iobench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Open loop: corrected latency is charted and tabled, and rate_missed is shown like any flag. */
class OpenLoopReportTest {

    @Test
    void chartsCorrectedLatencyAndFlagsTheMissedRate(@TempDir Path temp) throws IOException {
        Path dir = Fixtures.copy(Fixtures.OPEN_LOOP, temp.resolve("sweep"));

        CommandRun run = CommandRun.of(dir.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        for (String chart : new String[] {"latency-p99-s64-open-r20000", "percentiles-s64-open-r20000"}) {
            assertThat(Pictures.distinctColours(Pictures.png(dir.resolve("charts/" + chart + ".png"))))
                    .isGreaterThan(50);
        }
        String markdown = Files.readString(dir.resolve("report.md"));
        assertThat(markdown).contains("| corr. p50 µs | corr. p99 µs | corr. p99.9 µs |",
                "Every run: no idle connections, 64 B messages, open loop, target rate 20,000 msgs/s, server IO threads 1.",
                "Corrected p99 latency (64 B, open loop at 20,000 msgs/s)",
                "Dashed: corrected latency", "rate_missed: the open loop fell short of its target rate")
                .containsPattern("\\| selector \\| 100 \\|.*\\| rate_missed \\|");
        // Dashed twins in the percentile chart's legend, drawn from corrected.hgrm.
        assertThat(Files.readString(dir.resolve("charts/percentiles-s64-open-r20000.svg")))
                .contains("stroke-dasharray:3,3");
    }
}
