package io.iobench.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Two repetitions whose p99s are far apart: the first answered 99% of its messages in 100 µs, the second had a
 * slow 2% at 5 ms. Pooled, 2% of all messages are slower than 200 µs (the second's 20 at 5 ms and the first's 10
 * at 10 ms), so the pooled p99 is the second's 5 ms, not the 2.55 ms the mean of the two p99s would give.
 */
class MergedLatencyTest {

    @Test
    void pooledPercentilesAreThoseOfTheAddedHistogramsNotTheMeanOfTheirPercentiles() {
        Histogram quick = histogram(990, 100, 10, 10_000);
        Histogram slowTail = histogram(980, 200, 20, 5_000);
        Histogram everyMessage = histogram(990, 100, 10, 10_000);
        everyMessage.recordValueWithCount(200, 980);
        everyMessage.recordValueWithCount(5_000, 20);

        MergedLatency merged = MergedLatency.of(List.of(quick, slowTail));

        long p99 = merged.valueAtPercentile(99.0);
        double meanOfP99s = (quick.getValueAtPercentile(99.0) + slowTail.getValueAtPercentile(99.0)) / 2.0;
        assertThat(p99).isEqualTo(everyMessage.getValueAtPercentile(99.0))
                .isEqualTo(quick.highestEquivalentValue(5_000));
        assertThat(meanOfP99s).isLessThan(p99 * 0.6);
        assertThat(merged.valueAtPercentile(50.0)).isEqualTo(everyMessage.getValueAtPercentile(50.0));
        assertThat(merged.valueAtPercentile(99.9)).isEqualTo(everyMessage.getValueAtPercentile(99.9));
        assertThat(merged.totalCount()).isEqualTo(2_000);
        assertThat(merged.histogram()).isEqualTo(everyMessage);
    }

    @Test
    void keepsEachRepetitionsOwnPercentileBesideThePooledOne() {
        Histogram quick = histogram(990, 100, 10, 10_000);
        Histogram slowTail = histogram(980, 200, 20, 5_000);

        MergedLatency.PooledPercentile p99 = MergedLatency.of(List.of(quick, slowTail)).percentile(99.0);

        assertThat(p99.percentile()).isEqualTo(99.0);
        assertThat(p99.pooled()).isEqualTo(quick.highestEquivalentValue(5_000));
        assertThat(p99.perRepetition().sample().values())
                .containsExactly(100, quick.highestEquivalentValue(5_000));
        assertThat(p99.perRepetition().interval()).as("two repetitions bound nothing").isEmpty();
    }

    @Test
    void recordingIntoARepetitionAfterwardsDoesNotChangeTheMerge() {
        Histogram repetition = histogram(100, 100, 0, 0);
        MergedLatency merged = MergedLatency.of(List.of(repetition));

        repetition.recordValueWithCount(50_000, 1_000);

        assertThat(merged.totalCount()).isEqualTo(100);
        assertThat(merged.valueAtPercentile(99.0)).isEqualTo(100);
    }

    @Test
    void mergesARepetitionWhoseRangeReachesFurtherThanTheFirsts() {
        Histogram narrow = new Histogram(1_000, 3);
        narrow.recordValue(500);
        Histogram wide = new Histogram(60_000_000L, 3);
        wide.recordValue(30_000_000L);

        MergedLatency merged = MergedLatency.of(List.of(narrow, wide));

        assertThat(merged.totalCount()).isEqualTo(2);
        assertThat(merged.valueAtPercentile(100.0)).isEqualTo(wide.highestEquivalentValue(30_000_000L));
    }

    @Test
    void refusesARepetitionThatRecordedNothing() {
        assertThatThrownBy(() -> MergedLatency.of(List.of(histogram(10, 100, 0, 0), new Histogram(3))))
                .hasMessageContaining("repetition 2 recorded no latency");
        assertThatThrownBy(() -> MergedLatency.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    /** @return a µs histogram of {@code count} values of {@code us} and {@code tailCount} of {@code tailUs} */
    private static Histogram histogram(long count, long us, long tailCount, long tailUs) {
        Histogram histogram = new Histogram(60_000_000L, 3);
        histogram.recordValueWithCount(us, count);
        if (tailCount > 0) {
            histogram.recordValueWithCount(tailUs, tailCount);
        }
        return histogram;
    }
}
