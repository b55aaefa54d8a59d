package io.iobench.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iobench.options.Flags;
import io.iobench.options.UsageException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code iobench sweep --threads}: per model, several counts as an axis, and never for a model that ignores it. */
class SweepThreadsTest {

    private static final List<String> MODELS = List.of("thread-pool", "selector", "select", "thread-per-connection");

    private static Map<String, List<Integer>> threads(String value) {
        return SweepCommand.threads(Flags.parse(new String[] {"--threads", value}, Set.of("threads"), Set.of()),
                MODELS);
    }

    @Test
    void readsCountsPerModelWithAnAxisOfSeveral() {
        assertThat(threads("thread-pool=8/64/512,selector=2"))
                .isEqualTo(Map.of("thread-pool", List.of(8, 64, 512), "selector", List.of(2)));
    }

    @Test
    void givesABareCountToEveryModelThatTakesThreads() {
        assertThat(threads("4")).isEqualTo(Map.of("thread-pool", List.of(4), "selector", List.of(4)));
        assertThat(threads("default")).isEmpty();
    }

    @Test
    void refusesThreadsForAModelThatIgnoresThemOrIsNotInThePlan() {
        assertThatThrownBy(() -> threads("select=2")).isInstanceOf(UsageException.class)
                .hasMessageContaining("one thread by design");
        assertThatThrownBy(() -> threads("thread-per-connection=8")).isInstanceOf(UsageException.class)
                .hasMessageContaining("a thread per connection");
        assertThatThrownBy(() -> threads("netty-epoll=2")).isInstanceOf(UsageException.class)
                .hasMessageContaining("not a model of this sweep");
        assertThatThrownBy(() -> threads("thread-pool=0")).isInstanceOf(UsageException.class)
                .hasMessageContaining("between 1 and 65536");
    }
}
