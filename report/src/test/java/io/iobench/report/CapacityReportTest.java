package io.iobench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.results.CapacityFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep directory with a capacity.json: the report opens with the capacity table, draws the hockey stick and the
 * cost against rate per connection count, and leaves out the per-rate slice charts. The capacity file names runs
 * of the open-loop fixture as its probes; none of its numbers was measured.
 */
class CapacityReportTest {

    @Test
    void tablesTheCapacityAndDrawsItAgainstTheRate(@TempDir Path temp) throws IOException {
        Path dir = Fixtures.copy(Fixtures.OPEN_LOOP, temp.resolve("sweep"));
        CapacityFile.of(new CapacityFile.Objective("p99=1ms", 99, 1000, 0.99),
                new CapacityFile.Search(5000, 1_000_000, 2, 5, 1, 0.5, 1, 2),
                List.of(point("selector", 10, 19_950.0, 20_000L, CapacityFile.EndedBy.OBJECTIVE, "met"),
                        point("netty-epoll", 10, null, null, CapacityFile.EndedBy.BELOW_LOWEST_RATE, "objective"),
                        point("selector", 100, 19_990.0, 20_000L, CapacityFile.EndedBy.CLIENT_BOUND, "met")))
                .write(dir);

        CommandRun run = CommandRun.of(dir.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        String markdown = Files.readString(dir.resolve("report.md"));
        assertThat(markdown).doesNotContain("## Headline").contains("## Capacity at p99 ≤ 1 ms")
                .containsPattern("\\| selector \\| 10 \\| 64 B \\| 19,950 \\| 20,000 to 21,000 \\| 1 of 1 \\|")
                .contains("capacity: below 5,000")
                .containsPattern("\\| selector \\| 100 \\| 64 B \\| ≥ 19,990 \\|")
                .contains("charts/capacity-p99-c10-s64.png", "charts/capacity-cpu-c100-s64.png");
        assertThat(Pictures.distinctColours(Pictures.png(dir.resolve("charts/capacity-p99-c10-s64.png"))))
                .isGreaterThan(20);
        // The objective: a dashed dark line (the SVG draws its text as paths, so the line is what can be found).
        assertThat(Files.readString(dir.resolve("charts/capacity-p99-c10-s64.svg")))
                .contains("stroke:rgb(34,34,34);stroke-width:1.5;stroke-miterlimit:10;stroke-dasharray:3,3;");
        assertThat(Files.readString(dir.resolve("charts/capacity-p50-c10-s64.svg")))
                .doesNotContain("stroke-width:1.5;stroke-miterlimit:10;stroke-dasharray:3,3;");
        assertThat(dir.resolve("charts/latency-p99-s64-open-r20000.png")).doesNotExist();
    }

    private static CapacityFile.CapacityPoint point(String model, int connections, Double capacity, Long found,
                                                    CapacityFile.EndedBy endedBy, String verdict) {
        String run = model + "-c" + connections + "-s64-r20000";
        return new CapacityFile.CapacityPoint(model, connections, 64, capacity, null, null, null, found,
                found == null ? 20_000L : 21_000L, found == null ? 0 : 1, found == null ? 0 : 1, 0.5, 12.0, 40.0,
                600.0, 900.0, 600.0, endedBy, "made up", List.of(new CapacityFile.Probe(run, 20_000,
                        capacity == null ? 19_000.0 : capacity, 600.0, verdict)));
    }
}
