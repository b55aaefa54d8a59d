package io.iobench.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.report.fixture.ProfiledRuns;
import io.iobench.report.view.RunView;
import io.iobench.report.view.SweepView;
import io.iobench.results.LatencyLogFile;
import io.iobench.results.RunFiles;
import io.iobench.results.SweepReader;
import io.iobench.results.fixture.SyntheticSweep;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The pause timeline puts a pause in the second of the latency spike it caused: one above the other. */
class PauseTimelineTest {

    @Test
    void drawsThePauseInTheSecondOfTheLatencySpike(@TempDir Path temp) throws Exception {
        Path dir = SyntheticSweep.write(SyntheticSweep.CLOSED_LOOP, temp.resolve("sweep"));
        ProfiledRuns.profile(dir, List.of("selector-c10-s64"));
        SweepView sweep = SweepView.of(SweepReader.read(dir));
        RunView run = sweep.runs().stream().filter(r -> r.id().equals("selector-c10-s64")).findFirst().orElseThrow();
        LatencyLogFile.Intervals log = LatencyLogFile.read(run.dir().resolve(RunFiles.HLOG));

        XYChart chart = ProfileCharts.pauseTimeline(run, log, LatencyLogFile.UNCORRECTED, "t");

        XYSeries latency = chart.getSeriesMap().get("highest latency in the second");
        XYSeries pauses = chart.getSeriesMap().get("longest JVM pause begun in the second");
        assertThat(peakX(latency)).isEqualTo(ProfiledRuns.SPIKE_SECOND);
        assertThat(peakX(pauses)).isEqualTo(ProfiledRuns.SPIKE_SECOND);
        assertThat(max(pauses.getYData())).isEqualTo(ProfiledRuns.PAUSE_MS);
        assertThat(max(latency.getYData())).isGreaterThan(ProfiledRuns.PAUSE_MS);
    }

    private static double peakX(XYSeries series) {
        double[] y = series.getYData();
        int peak = 0;
        for (int i = 1; i < y.length; i++) {
            if (y[i] > y[peak]) {
                peak = i;
            }
        }
        return series.getXData()[peak];
    }

    private static double max(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
