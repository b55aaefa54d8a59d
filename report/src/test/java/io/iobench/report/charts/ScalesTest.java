package io.iobench.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tick labels of the log, percentile and idle-connection axes, which XChart leaves to us. */
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
        LogScale latency = new LogScale();
        assertThat(latency.label(2)).isEqualTo("100");
        assertThat(latency.label(Math.log10(250))).isEqualTo("250");
        assertThat(latency.label(1.2)).isEqualTo("16");
        assertThat(latency.label(3.5)).isEqualTo("3,200");
        assertThat(latency.label(-0.5)).isEqualTo("0.32");
        assertThat(latency.position(0)).isNaN();
    }

    @Test
    void everyLogTickIsLabelledSoTheEndsOfAnAxisPrintDifferently() {
        LogScale connections = new LogScale();
        assertThat(connections.label(0)).isEqualTo("1");
        assertThat(connections.label(0.5)).isEqualTo("3.2");
        assertThat(connections.label(1.5)).isEqualTo("32");
        // The range XChart gets for a single connection count, 10: its ends must not print alike.
        double[] one = connections.range(1, 1);
        assertThat(connections.label(one[0])).isNotEmpty().isNotEqualTo(connections.label(one[1]));
    }

    @Test
    void idleCountsAreEvenlySpacedInOrderAndLabelledWithTheirValues() {
        CategoryScale idle = new CategoryScale(List.of(10_000, 0, 1_000, 0));
        assertThat(idle.position(0)).isEqualTo(0.0);
        assertThat(idle.position(1_000)).isEqualTo(1.0);
        assertThat(idle.position(10_000)).isEqualTo(2.0);
        assertThat(idle.position(500)).isNaN();
        assertThat(idle.label(0)).isEqualTo("0");
        assertThat(idle.label(2 + 1e-12)).isEqualTo("10,000");
        double[] range = idle.range(0, 2);
        assertThat(idle.label(range[0])).isEqualTo("0");
        assertThat(idle.label(range[1])).isEqualTo("10,000");
    }

    @Test
    void idleTicksRepeatALabelAtAnyStepFinerThanOneCategory() {
        CategoryScale idle = new CategoryScale(List.of(0, 1_000, 10_000));
        double[] range = idle.range(0, 2);
        for (double step : new double[] {0.1, 0.2, 0.25, 0.5}) {
            List<String> labels = ticks(idle, range, step);
            assertThat(Set.copyOf(labels)).as("step " + step).hasSizeLessThan(labels.size());
        }
        List<String> oneStep = ticks(idle, range, 1);
        // No blank labels: XChart sizes the axis by its longest label, and spaces have no height.
        assertThat(oneStep).doesNotHaveDuplicates().allMatch(label -> !label.isBlank())
                .filteredOn(label -> !label.startsWith("(")).containsExactly("0", "1,000", "10,000");
        assertThat(ticks(idle, range, 2)).doesNotHaveDuplicates().contains("0", "10,000");
    }

    /** The labels XChart asks for at ticks every {@code step}: one tick before the range, two after. */
    private static List<String> ticks(Scale scale, double[] range, double step) {
        List<String> labels = new ArrayList<>();
        for (long i = (long) Math.floor(range[0] / step); i * step <= range[1] + 2 * step; i++) {
            labels.add(scale.label(i * step));
        }
        return labels;
    }

    @Test
    void logRangeOfOneValueIsHalfToTwiceIt() {
        LogScale scale = new LogScale();
        double[] range = scale.range(1, 1);
        assertThat(scale.label(range[0])).isEqualTo("5");
        assertThat(scale.label(range[1])).isEqualTo("20");
        double[] wide = scale.range(0, 2);
        assertThat(wide[0]).isLessThan(0);
        assertThat(wide[1]).isGreaterThan(2);
    }
}
