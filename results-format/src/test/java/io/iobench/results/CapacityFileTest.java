package io.iobench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iobench.results.fixture.SampleResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** capacity.json: sealed by a golden file, read back whole, refused when of another schema. */
class CapacityFileTest {

    @TempDir
    Path dir;

    /** Every field set to a value of its own, so that a swap shows in the golden file. None of it was measured. */
    static CapacityFile sample() {
        CapacityFile.Objective objective = new CapacityFile.Objective("p99=1ms", 99.0, 1000.0, 0.99);
        CapacityFile.Search search = new CapacityFile.Search(5000, 1_000_000, 2.0, 5.0, 3, 1.0, 1.5, 2.5);
        CapacityFile.CapacityPoint found = new CapacityFile.CapacityPoint("selector", 10, 64, 39_604.5, 39_590.1,
                39_611.2, 0.75, 40_000L, 41_500L, 3, 3, 0.62, 15.7, 41.0, 480.0, 910.0, 470.0,
                CapacityFile.EndedBy.OBJECTIVE, "p99 1873 us over 1000 us at 41500 msgs/s",
                List.of(new CapacityFile.Probe("selector-c10-s64-r5000-p1", 5000, 4999.8, 101.0, "met"),
                        new CapacityFile.Probe("selector-c10-s64-r41500-p2", 41_500, 41_100.0, 1873.0, "objective"),
                        new CapacityFile.Probe("selector-c10-s64-r40000-p3", 40_000, 39_604.5, 470.0, "met")));
        CapacityFile.CapacityPoint below = new CapacityFile.CapacityPoint("thread-pool", 1000, 64, null, null,
                null, null, null, 5000L, 0, 0, null, null, null, null, null, null,
                CapacityFile.EndedBy.BELOW_LOWEST_RATE, "p99 2210 us over 1000 us at 5000 msgs/s",
                List.of(new CapacityFile.Probe("thread-pool-c1000-s64-r5000-p1", 5000, 4990.0, 2210.0,
                        "objective")));
        return CapacityFile.of(objective, search, List.of(found, below));
    }

    @Test
    void writesEveryFieldUnderItsNameInItsPlace() throws IOException {
        sample().write(dir);
        Golden.assertJson("capacity.json", Files.readString(dir.resolve(CapacityFile.NAME)));
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        sample().write(dir);

        assertThat(CapacityFile.read(dir)).isEqualTo(sample());
        assertThat(CapacityFile.readIfPresent(dir, new Warnings())).contains(sample());
    }

    @Test
    void aSweepWithoutOneHasNone() {
        Warnings warnings = new Warnings();

        assertThat(CapacityFile.readIfPresent(dir, warnings)).isEmpty();
        assertThat(warnings.all()).isEmpty();
    }

    @Test
    void refusesARunResultAndWarnsOfIt() throws IOException {
        RunResultFile.write(SampleResults.closedLoop(), dir.resolve(CapacityFile.NAME));
        Warnings warnings = new Warnings();

        assertThatThrownBy(() -> CapacityFile.read(dir)).isInstanceOf(ResultFormatException.class)
                .hasMessageContaining("not a capacity file of schema iobench-capacity/1 (schema: iobench-run/1)");
        assertThat(CapacityFile.readIfPresent(dir, warnings)).isEmpty();
        assertThat(warnings.all()).singleElement().asString().contains("capacity left out");
    }
}
