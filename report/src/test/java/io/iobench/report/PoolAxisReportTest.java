package io.iobench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pool-size axis: each pool size is a line of its own, the threads each server ran are shown, and the starved
 * pools' latencies, which describe only the connections they served, stay out of the latency charts.
 */
class PoolAxisReportTest {

    @TempDir
    static Path temp;

    private static String markdown;

    @BeforeAll
    static void report() throws IOException {
        Path dir = Fixtures.copy(Fixtures.POOL_AXIS, temp.resolve("sweep"));
        CommandRun run = CommandRun.of(dir.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        markdown = Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8);
    }

    @Test
    void namesEachPoolSizeAsALineOfItsOwnWithItsThreads() {
        for (String workers : new String[] {"8", "64", "512", "1,000"}) {
            assertThat(markdown).containsPattern("\\| thread-pool ×" + workers.replace(",", "") + " \\| 1,000 \\| "
                    + workers + " \\|");
        }
        assertThat(markdown).containsPattern("\\| thread-per-connection \\| 1,000 \\| per conn \\|")
                .contains("IO threads are what each server said it ran");
        assertThat(markdown.indexOf("| thread-pool ×8 |")).isLessThan(markdown.indexOf("| thread-pool ×64 |"));
    }

    @Test
    void leavesTheLatenciesOfStarvedPoolsOutOfTheLatencyCharts() {
        assertThat(markdown).contains("latency_incomplete: connections starved past the window left no latency"
                + " sample; its latencies are not drawn (◆ at the bottom), since they would read as the best of all")
                .contains("Flagged: thread-pool ×8 at 1,000 connections (latency_incomplete)")
                .contains("the latency charts leave them out");
    }
}
