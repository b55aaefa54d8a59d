package io.iobench.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iobench.options.Flags;
import io.iobench.options.UsageException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SweepModelJvmOptionsTest {

    private static final List<String> MODELS = List.of("selector", "thread-pool");

    private static Map<String, List<String>> parse(String text) {
        return SweepCommand.modelJvmOptions(Flags.parse(new String[] {"--model-jvm-opts", text},
                Set.of("model-jvm-opts"), Set.of()), MODELS);
    }

    @Test
    void readsOptionsPerModelSeparatedBySemicolons() {
        assertThat(parse("selector=-Xint -Xss256k; thread-pool=-XX:CompileCommand=quiet,exclude,*.*"))
                .containsExactly(Map.entry("selector", List.of("-Xint", "-Xss256k")),
                        Map.entry("thread-pool", List.of("-XX:CompileCommand=quiet,exclude,*.*")));
    }

    @Test
    void aModelsServerGetsTheSweepsOptionsThenItsOwn() {
        SweepPlan plan = SweepCommand.plan(Flags.parse(new String[] {"--models", "selector,thread-pool",
                "--server-jvm-opts", "-Xmx1g", "--model-jvm-opts", "selector=-Xint"},
                Set.of("models", "server-jvm-opts", "model-jvm-opts"), Set.of()), Clock.systemUTC());
        assertThat(plan.serverJvmOptions("selector")).containsExactly("-Xmx1g", "-Xint");
        assertThat(plan.serverJvmOptions("thread-pool")).containsExactly("-Xmx1g");
        assertThat(plan.manifestPlan().modelJvmOptions()).containsExactly(Map.entry("selector", List.of("-Xint")));
    }

    @Test
    void refusesAModelOutsideTheSweepAnEntryWithoutOptionsAndAModelNamedTwice() {
        for (String bad : List.of("busy-poll=-Xint", "-Xint", "selector=", "selector=-Xint;selector=-Xss1m")) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(UsageException.class)
                    .hasMessageContaining("--model-jvm-opts");
        }
    }
}
