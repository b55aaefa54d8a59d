package io.iobench.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SampleTest {

    @Test
    void theMedianOfAnOddNumberOfRepetitionsIsTheMiddleValue() {
        assertThat(Sample.of(3, 1, 2, 5, 4).median()).isEqualTo(3);
    }

    @Test
    void theMedianOfAnEvenNumberOfRepetitionsIsTheMeanOfTheMiddleTwo() {
        assertThat(Sample.of(4, 1, 3, 2).median()).isEqualTo(2.5);
    }

    @Test
    void keepsTheRepetitionsInTheOrderTheyRanAndSortsThemApart() {
        Sample sample = Sample.of(List.of(3, 1, 2));

        assertThat(sample.values()).containsExactly(3, 1, 2);
        assertThat(sample.sorted()).containsExactly(1, 2, 3);
        assertThat(sample.orderStatistic(1)).isEqualTo(1);
        assertThat(sample.orderStatistic(3)).isEqualTo(3);
        assertThat(sample.min()).isEqualTo(1);
        assertThat(sample.max()).isEqualTo(3);
    }

    @Test
    void cannotBeChangedThroughTheArraysGoingInOrComingOut() {
        double[] values = {1, 2, 3};
        Sample sample = Sample.of(values);
        values[0] = 100;
        sample.values()[1] = 100;
        sample.sorted()[2] = 100;

        assertThat(sample.values()).containsExactly(1, 2, 3);
        assertThat(sample.sorted()).containsExactly(1, 2, 3);
    }

    @Test
    void refusesAnEmptySampleAndValuesThatAreNotNumbers() {
        assertThatThrownBy(Sample::of).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sample.of(1, Double.NaN)).hasMessageContaining("finite");
        assertThatThrownBy(() -> Sample.of(1, Double.POSITIVE_INFINITY)).hasMessageContaining("finite");
    }
}
