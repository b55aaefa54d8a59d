package io.iobench.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tick labels of the log and percentile axes, which XChart leaves to us. */
class ScalesTest {

    @Test
    void percentileTicksAreNinesAndHalfStepsStayUnlabelled() {
        PercentileScale scale = new PercentileScale();
        assertThat(scale.label(0)).isEqualTo("0%");
        assertThat(scale.label(1)).isEqualTo("90%");
        assertThat(scale.label(2)).isEqualTo("99%");
        assertThat(scale.label(3)).isEqualTo("99.9%");
        assertThat(scale.label(5)).isEqualTo("99.999%");
        assertThat(scale.label(1.5)).isEmpty();
        assertThat(scale.position(1000)).isEqualTo(3.0);
        assertThat(scale.position(Double.POSITIVE_INFINITY)).isNaN();
    }

    @Test
    void logTicksPrintTheValueToTwoDigits() {
        LogScale latency = new LogScale(false);
        assertThat(latency.label(2)).isEqualTo("100");
        assertThat(latency.label(Math.log10(250))).isEqualTo("250");
        assertThat(latency.label(1.2)).isEqualTo("16");
        assertThat(latency.label(3.5)).isEqualTo("3,200");
        assertThat(latency.label(-0.5)).isEqualTo("0.32");
        assertThat(latency.position(0)).isNaN();
    }

    @Test
    void connectionTicksBelowTenAreLabelledOnlyWhenWhole() {
        LogScale connections = new LogScale(true);
        assertThat(connections.label(0)).isEqualTo("1");
        assertThat(connections.label(0.5)).isEmpty();
        assertThat(connections.label(1.5)).isEqualTo("32");
    }

    @Test
    void logRangeSpansAtLeastAFactorOfTwo() {
        double[] range = new LogScale(false).range(2, 2);
        assertThat(Math.pow(10, range[1] - range[0])).isGreaterThan(2);
        assertThat(range[0]).isLessThan(2);
        assertThat(range[1]).isGreaterThan(2);
    }
}
