package io.iobench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.options.Flags;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code sweep --prof}: the profilers go into the plan, and a name the client does not know is a usage error. */
class SweepProfilersOptionTest {

    @Test
    void takesTheProfilersIntoThePlanInTheOrderGiven() {
        SweepPlan plan = SweepCommand.plan(Flags.parse(new String[] {"--models", "selector", "--prof", "gc,syscalls"},
                Set.of("models", "prof"), Set.of()), Clock.systemUTC());

        assertThat(plan.profilers()).containsExactly("gc", "syscalls");
    }

    @Test
    void refusesAProfilerItDoesNotKnowInOneLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = SweepCommand.run(new String[] {"--models", "selector", "--prof", "stack", "--no-report"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), dir -> 0);

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "--prof takes syscalls, jfr, gc separated by commas, got 'stack'");
    }
}
