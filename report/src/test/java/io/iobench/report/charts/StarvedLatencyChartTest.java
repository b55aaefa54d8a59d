package io.iobench.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.report.Fixtures;
import io.iobench.report.view.Metric;
import io.iobench.report.view.RunView;
import io.iobench.report.view.SweepView;
import io.iobench.results.SweepReader;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * A pool that starves most of its connections records only the latencies of those it serves, the best of any
 * model. A latency chart leaves such a run out of its line and marks it at the bottom; other metrics keep it.
 */
class StarvedLatencyChartTest {

    @Test
    void leavesAStarvedRunOutOfTheLatencyLineAndMarksIt() throws IOException {
        SweepView sweep = SweepView.of(SweepReader.read(Fixtures.resource(Fixtures.POOL_AXIS)));
        List<RunView> runs = sweep.runs();

        XYChart p99 = ConnectionChart.of(sweep, runs, Metric.P99_US, ConnectionChart.Axis.active(), new LogScale(),
                "p99");
        XYChart throughput = ConnectionChart.of(sweep, runs, Metric.MSGS_PER_S, ConnectionChart.Axis.active(),
                new LinearScale(), "throughput");

        assertThat(p99.getSeriesMap()).containsKey("latency incomplete (not drawn)");
        assertThat(p99.getSeriesMap().get("latency incomplete (not drawn)").getXData()).hasSize(3);
        assertThat(p99.getSeriesMap()).doesNotContainKey("thread-pool ×8");
        assertThat(drawn(p99.getSeriesMap().get("thread-pool ×1000"))).isEqualTo(1);
        assertThat(throughput.getSeriesMap()).doesNotContainKey("latency incomplete (not drawn)");
        assertThat(drawn(throughput.getSeriesMap().get("thread-pool ×8"))).isEqualTo(1);
    }

    private static long drawn(XYSeries series) {
        return Arrays.stream(series.getYData()).filter(y -> !Double.isNaN(y)).count();
    }
}
