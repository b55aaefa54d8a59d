package io.iobench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.results.fixture.SyntheticSweep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --compare A B} over repetitions: a change is called only when the ratio's interval excludes 1, and the
 * counts say how many points changed. The sweeps are synthetic, written with the real writers, drawn with fixed
 * seeds: two draws from one distribution, or one 20% faster than the other, with 1% spread.
 */
class RepeatedCompareTest {

    @TempDir
    Path temp;

    private CommandRun compare(SyntheticSweep.Repeated a, SyntheticSweep.Repeated b) {
        Path dirA = SyntheticSweep.write(a, temp.resolve("a"));
        Path dirB = SyntheticSweep.write(b, temp.resolve("b"));
        return CommandRun.of("--compare", dirA.toString(), dirB.toString());
    }

    @Test
    void aSweepTwentyPercentFasterIsImprovedAtEveryPoint() throws IOException {
        CommandRun run = compare(SyntheticSweep.Repeated.of(5, 1.0, 0.01, 1L),
                SyntheticSweep.Repeated.of(5, 1.2, 0.01, 2L));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("msgs/s: 0 of 4 points: no significant change; 4 improved",
                "server CPU: 0 of 4 points: no significant change; 4 improved");
        String markdown = Files.readString(temp.resolve("b").resolve("compare.md"));
        assertThat(markdown).contains("## Verdicts over repetitions")
                .containsPattern("\\| selector \\| 10 \\| msgs/s \\| [\\d,]+ \\[[\\d,]+, [\\d,]+] \\| [\\d,]+ \\[[\\d,]+,"
                        + " [\\d,]+] \\| 1\\.\\d\\d× \\[1\\.\\d\\d, 1\\.\\d\\d] \\| 0\\.0079 \\| improved \\|")
                .doesNotContain("## Common points");
    }

    @Test
    void twoDrawsFromOneDistributionShowNoSignificantChange() {
        CommandRun run = compare(SyntheticSweep.Repeated.of(5, 1.0, 0.01, 1L),
                SyntheticSweep.Repeated.of(5, 1.0, 0.01, 3L));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("msgs/s: 4 of 4 points: no significant change\n");
    }

    @Test
    void threeASideSaysTheUTestCannotDecide() throws IOException {
        CommandRun run = compare(SyntheticSweep.Repeated.of(3, 1.0, 0.01, 1L),
                SyntheticSweep.Repeated.of(3, 1.2, 0.01, 2L));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readString(temp.resolve("b").resolve("compare.md"))).contains("With 3 repetitions per side a"
                + " U test cannot reach p &lt; 0.05 (its smallest two-sided p is 0.1): the interval of the ratio"
                + " decides.");
        assertThat(run.out()).contains("msgs/s: 0 of 4 points: no significant change; 4 improved");
    }

    @Test
    void oneASideGivesNoSignificance(@TempDir Path other) throws IOException {
        Path a = Fixtures.copy(Fixtures.CLOSED_LOOP, temp.resolve("a"));
        Path b = Fixtures.copy(Fixtures.CLOSED_LOOP, other.resolve("b"));

        CommandRun run = CommandRun.of("--compare", a.toString(), b.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("no point has 3 repetitions on both sides: no significance can be given");
        assertThat(Files.readString(b.resolve("compare.md")))
                .contains("One repetition per side: no significance can be given", "## Common points");
    }
}
