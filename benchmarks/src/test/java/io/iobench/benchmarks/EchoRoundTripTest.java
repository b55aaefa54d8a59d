package io.iobench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EchoRoundTripTest {

    @Test
    void throughputReportsEchoesPerSecondAndTheServerCost() throws RunnerException {
        RunResult run = SmokeRun.run(selector("throughput")).iterator().next();

        assertThat(run.getPrimaryResult().getScoreUnit()).isEqualTo("ops/s");
        assertThat(run.getPrimaryResult().getScore()).isFinite().isPositive();
        assertServerCost(run);
    }

    @Test
    void latencyReportsTheRoundTripDistributionAndTheServerCost() throws RunnerException {
        RunResult run = SmokeRun.run(selector("latency")).iterator().next();

        Result<?> primary = run.getPrimaryResult();
        assertThat(primary.getScoreUnit()).isEqualTo("us/op");
        assertThat(primary.getScore()).isFinite().isPositive();
        assertThat(primary.getStatistics().getPercentile(99)).isFinite().isPositive();
        assertServerCost(run);
    }

    @Test
    void refusesMoreThanOneClientThread() {
        assertThatThrownBy(() -> SmokeRun.run(selector("throughput").threads(2)))
                .isInstanceOf(RunnerException.class)
                .satisfies(e -> assertThat(SmokeRun.messages(e)).anyMatch(m -> m.contains("one client thread")));
    }

    private static ChainedOptionsBuilder selector(String method) {
        return SmokeRun.of(EchoRoundTrip.class, method)
                .param("model", "selector")
                .param("connections", "10")
                .param("size", "64");
    }

    /** The counters cover the same window: echoes were made and the server spent CPU on them. */
    private static void assertServerCost(RunResult run) {
        Map<String, Result> secondary = run.getSecondaryResults();
        assertThat(secondary).containsKeys("echoes", "serverCpuNs", "serverVoluntarySwitches",
                "serverInvoluntarySwitches");
        assertThat(secondary.get("echoes").getScore()).isPositive();
        assertThat(secondary.get("serverCpuNs").getScore()).isPositive();
        assertThat(secondary.get("serverVoluntarySwitches").getScore()).isNotNegative();
        assertThat(secondary.get("serverInvoluntarySwitches").getScore()).isNotNegative();
        assertThat(secondary.get("serverCpuNs").getScoreUnit()).isEqualTo("#");
    }
}
