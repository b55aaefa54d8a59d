package io.iobench.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.report.Fixtures;
import io.iobench.report.view.Metric;
import io.iobench.report.view.RunView;
import io.iobench.report.view.SweepView;
import io.iobench.results.RunResult;
import io.iobench.results.RunResult.RunFlags.Flag;
import io.iobench.results.StoredRun;
import io.iobench.results.StoredSweep;
import io.iobench.results.SweepReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/**
 * A server that answered some echoes with wrong bytes was not an echo server: its run completed and measured, but
 * no chart draws it as a point, and the caption names it as invalid beside the failed runs.
 */
class CorruptRunChartTest {

    @Test
    void leavesACorruptRunOutOfEveryLineAndNamesItInvalid() throws IOException {
        StoredSweep stored = SweepReader.read(Fixtures.resource(Fixtures.CLOSED_LOOP));
        StoredRun chosen = stored.runs().stream().filter(run -> !run.result().flags().failed()).findFirst()
                .orElseThrow();
        List<StoredRun> runs = new ArrayList<>(stored.runs());
        runs.set(runs.indexOf(chosen), new StoredRun(chosen.id(), chosen.dir(), corrupt(chosen.result())));
        SweepView sweep = SweepView.of(new StoredSweep(stored.dir(), stored.manifest(), runs, stored.unreadable(),
                stored.warnings()));
        RunView shown = sweep.runs().stream().filter(run -> run.id().equals(chosen.id())).findFirst().orElseThrow();

        XYChart before = throughput(SweepView.of(stored));
        XYChart throughput = throughput(sweep);

        String model = shown.key().model();
        assertThat(drawn(throughput, model)).as("points of " + model).isEqualTo(drawn(before, model) - 1);
        assertThat(throughput.getSeriesMap()).containsKey("failed run (no data)");
        assertThat(RunNotes.of(sweep.runs(), true)).contains("Failed or invalid: ")
                .contains("corrupt: 12 echoes came back with wrong bytes");
    }

    private static XYChart throughput(SweepView sweep) {
        return ConnectionChart.of(sweep, sweep.runs(), Metric.MSGS_PER_S, ConnectionChart.Axis.active(),
                new LinearScale(), "throughput");
    }

    private static long drawn(XYChart chart, String model) {
        return Arrays.stream(chart.getSeriesMap().get(model).getYData()).filter(y -> !Double.isNaN(y)).count();
    }

    private static RunResult corrupt(RunResult r) {
        return RunResult.of(r.point(), r.timing(), r.throughput(), r.latencyUs(), r.connect(),
                new RunResult.Errors(0, 0, 0, 0, 12, 0, 0), r.server(), r.client(),
                RunResult.RunFlags.of(Set.of(Flag.CORRUPT), null), r.environment(), r.files());
    }
}
