package io.iobench.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.results.RunResult.ConnectionMemory;
import io.iobench.results.RunResult.ContextSwitches;
import io.iobench.results.RunResult.CpuUse;
import io.iobench.results.RunResult.ProcessSize;
import io.iobench.results.RunResult.RunqueueWait;
import io.iobench.results.fixture.SampleResults;
import org.junit.jupiter.api.Test;

/** A server's raw window figures become result.json's server part for the messages of whichever run carried it. */
class ServerWindowFiguresTest {

    private static final ServerWindowFigures FIGURES = SampleResults.probeFigures();

    @Test
    void dividesTheCostsByTheMessagesItIsGiven() {
        RunResult.Server server = SampleResults.probe().server(500_000);

        assertThat(server).isEqualTo(new RunResult.Server(1234, new CpuUse(3.1, 6.2, 0.93, 18.6), 0.0041,
                new ContextSwitches(1000, 20, 0.002), new ProcessSize(13, 45.5, 46.0, 120),
                new ConnectionMemory(200.195, 100.0), 0.5, new RunqueueWait(0.08, 0.16), 0.955, 3));
    }

    @Test
    void leavesPerMessageCostsOutWhenNoMessageWasEchoed() {
        RunResult.Server server = FIGURES.server(0);

        assertThat(server.cpu().cpuUsPerMsg()).isNull();
        assertThat(server.contextSwitches().perMsg()).isNull();
        assertThat(server.runqueueWait().runqueueWaitUsPerMsg()).isNull();
        assertThat(server.cpu().cpuCores()).isEqualTo(0.93);
    }

    @Test
    void tellsNoMemoryPerConnectionUnderAHundredConnections() {
        ServerWindowFigures few = new ServerWindowFigures(1234, 2, new ServerWindowFigures.Cpu(3.1, 6.2, 10.0, null),
                new ServerWindowFigures.Threads(0, 0, null, null, 0, 13),
                new ServerWindowFigures.Memory(46_592, 47_104, 120, 205_000L, 307_400L, 99), null);

        assertThat(few.server(1).memory()).isEqualTo(new ConnectionMemory(200.195, null));
        assertThat(few.server(1).idleCpuCores()).isNull();
        assertThat(few.server(1).runqueueWait()).isEqualTo(RunqueueWait.UNKNOWN);
    }

    @Test
    void isSaturatedByItsBusiestThreadOrByNineTenthsOfItsCores() {
        assertThat(FIGURES.saturated()).as("busiest thread 0.955, cores 0.93 of 2").isTrue();
        assertThat(figures(18.0, 10.0, 2, null).saturated()).as("1.8 cores of 2").isTrue();
        assertThat(figures(17.9, 10.0, 2, 0.899).saturated()).as("1.79 cores of 2, busiest 0.899").isFalse();
        assertThat(figures(9.0, 10.0, 1, null).saturated()).as("0.9 cores of 1").isTrue();
        assertThat(figures(0, 0, 1, null).saturated()).as("an empty window").isFalse();
    }

    @Test
    void aFailedProbeHasNoServerAndIsNeverSaturated() {
        assertThat(SampleResults.probeFailed().server(500_000)).isNull();
        assertThat(SampleResults.probeFailed().saturated()).isFalse();
        assertThat(SampleResults.probeFailed().failed()).isTrue();
    }

    private static ServerWindowFigures figures(double cpuS, double wallS, int coresAllowed, Double busiest) {
        return new ServerWindowFigures(1, coresAllowed, new ServerWindowFigures.Cpu(cpuS / 2, cpuS / 2, wallS, null),
                new ServerWindowFigures.Threads(0, 0, null, busiest, 0, 1),
                new ServerWindowFigures.Memory(1, 1, 1, null, null, 0), null);
    }
}
