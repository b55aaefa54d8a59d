package io.iobench.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iobench.options.Flags;
import io.iobench.options.UsageException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code iobench sweep --repeat N --until-ci P% --max-repeat M --seed S --no-rerun}. */
class SweepRepetitionOptionsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_764_644_400_123L), ZoneOffset.UTC);

    private static Repetitions repetitions(String... args) {
        return SweepCommand.repetitions(Flags.parse(args, Set.of("repeat", "until-ci", "max-repeat", "seed"),
                Set.of("no-rerun")), CLOCK);
    }

    @Test
    void runsEachPointOnceWithASeedFromTheClockByDefault() {
        assertThat(repetitions()).isEqualTo(new Repetitions(1, null, 1, 1_764_644_400_123L, true));
    }

    @Test
    void readsRepeatSeedAndNoRerun() {
        assertThat(repetitions("--repeat", "3", "--seed", "42")).isEqualTo(Repetitions.exactly(3, 42));
        assertThat(repetitions("--repeat", "3", "--seed", "42", "--no-rerun").rerunNoisy()).isFalse();
    }

    @Test
    void readsUntilCiWithItsBound() {
        assertThat(repetitions("--until-ci", "5%", "--repeat", "3", "--seed", "1"))
                .isEqualTo(new Repetitions(3, 5.0, SweepCommand.DEFAULT_MAX_REPEAT, 1, true));
        assertThat(repetitions("--until-ci", "2.5", "--max-repeat", "20", "--seed", "1"))
                .isEqualTo(new Repetitions(1, 2.5, 20, 1, true));
    }

    @Test
    void refusesRepetitionsThatCannotRun() {
        assertThatThrownBy(() -> repetitions("--repeat", "0")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--repeat");
        assertThatThrownBy(() -> repetitions("--max-repeat", "5")).isInstanceOf(UsageException.class)
                .hasMessage("--max-repeat bounds --until-ci; without it every point runs --repeat times");
        assertThatThrownBy(() -> repetitions("--until-ci", "0%")).isInstanceOf(UsageException.class)
                .hasMessage("--until-ci must be above 0% and under 100%, got 0%");
        assertThatThrownBy(() -> repetitions("--until-ci", "5%", "--repeat", "4", "--max-repeat", "3"))
                .isInstanceOf(UsageException.class).hasMessage("--max-repeat 3 is under --repeat 4");
        assertThatThrownBy(() -> repetitions("--until-ci", "five")).isInstanceOf(UsageException.class)
                .hasMessageContaining("percentage");
    }

    @Test
    void namesRunsAfterTheirPointAndRepetition() {
        SweepPoint point = new SweepPoint("selector", 100, 0, 64, 0);
        assertThat(Repetitions.once(1).runId(point, 1)).isEqualTo("selector-c100-s64");
        assertThat(Repetitions.once(1).runId(point, 2)).isEqualTo("selector-c100-s64-rep2");
        assertThat(Repetitions.exactly(3, 1).runId(point, 1)).isEqualTo("selector-c100-s64-rep1");
        assertThat(Repetitions.exactly(3, 1).runId(new SweepPoint("selector", 100, 0, 64, 50_000), 2))
                .isEqualTo("selector-c100-s64-r50000-rep2");
    }
}
