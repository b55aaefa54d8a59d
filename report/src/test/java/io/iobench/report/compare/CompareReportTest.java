package io.iobench.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.report.Fixtures;
import io.iobench.report.document.Table;
import io.iobench.report.view.Metric;
import io.iobench.report.view.RunView;
import io.iobench.report.view.SweepView;
import io.iobench.results.SweepReader;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ratios are coloured by which direction is better for the metric, and never drawn across a failed run. */
class CompareReportTest {

    @Test
    void ratioToneFollowsTheMetricsDirection() throws IOException {
        List<RunView> runs = SweepView.of(SweepReader.read(Fixtures.resource(Fixtures.CLOSED_LOOP))).runs();
        Comparison.Pair good = new Comparison.Pair(runs.get(0), runs.get(1));
        Comparison.Pair failed = new Comparison.Pair(runs.get(0), runs.getLast());

        assertThat(CompareReport.ratio(Metric.MSGS_PER_S, good, 100.0, 150.0))
                .isEqualTo(new Table.Cell("1.50×", Table.Tone.BETTER));
        assertThat(CompareReport.ratio(Metric.P99_US, good, 100.0, 150.0))
                .isEqualTo(new Table.Cell("1.50×", Table.Tone.WORSE));
        assertThat(CompareReport.ratio(Metric.P99_US, good, 100.0, 50.0))
                .isEqualTo(new Table.Cell("0.50×", Table.Tone.BETTER));
        assertThat(CompareReport.ratio(Metric.P99_US, good, 100.0, 104.0))
                .isEqualTo(new Table.Cell("1.04×", Table.Tone.NORMAL));
        assertThat(CompareReport.ratio(Metric.MSGS_PER_S, failed, 100.0, 150.0).text()).isEqualTo("—");
        assertThat(CompareReport.ratio(Metric.MSGS_PER_S, good, null, 150.0).text()).isEqualTo("—");
        assertThat(CompareReport.ratio(Metric.MSGS_PER_S, good, 0.0, 150.0).text()).isEqualTo("—");
    }
}
