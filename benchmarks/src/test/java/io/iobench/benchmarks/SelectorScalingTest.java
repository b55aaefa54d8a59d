package io.iobench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SelectorScalingTest {

    @Test
    void epollRoundReportsMicrosecondsPerOperation() throws RunnerException {
        assertMeasured(SmokeRun.run(SmokeRun.of(SelectorScaling.class, "epoll").param("idleChannels", "100"))
                .iterator().next());
    }

    @Test
    void pollRoundReportsMicrosecondsPerOperation() throws RunnerException {
        assertMeasured(SmokeRun.run(SmokeRun.of(SelectorScaling.class, "poll").param("idleChannels", "100"))
                .iterator().next());
    }

    @Test
    void refusesToMeasurePollWithTheEpollSelector() {
        var options = SmokeRun.of(SelectorScaling.class, "poll")
                .param("idleChannels", "10")
                .jvmArgsAppend(SelectorScaling.PROVIDER_PROPERTY + SelectorScaling.EPOLL_PROVIDER);
        assertThatThrownBy(() -> SmokeRun.run(options))
                .isInstanceOf(RunnerException.class)
                .satisfies(e -> assertThat(SmokeRun.messages(e))
                        .anyMatch(m -> m.contains("needs " + SelectorScaling.POLL_PROVIDER)));
    }

    private static void assertMeasured(RunResult run) {
        Result<?> primary = run.getPrimaryResult();
        assertThat(primary.getScoreUnit()).isEqualTo("us/op");
        assertThat(primary.getScore()).isFinite().isPositive();
    }
}
