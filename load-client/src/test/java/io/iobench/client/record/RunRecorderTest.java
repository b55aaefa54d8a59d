package io.iobench.client.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.results.LatencyHistograms;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The correction and the window rules, with timestamps chosen by the test. */
class RunRecorderTest {

    private static final long MS = 1_000_000L;
    private static final long START_NS = 1000 * MS;
    private static final long END_NS = 2000 * MS;

    @Test
    void measuresCorrectedLatencyFromTheIntendedAndUncorrectedFromTheActualSend() {
        RunRecorder recorder = new RunRecorder(START_NS, END_NS, true);

        // Intended at 1100 ms, sent 300 ms late behind a stalled server, echoed at 1500 ms.
        recorder.echoed(START_NS + 100 * MS, START_NS + 400 * MS, START_NS + 500 * MS);

        Histogram uncorrected = recorder.uncorrectedInterval(null);
        Histogram corrected = recorder.correctedInterval(null);
        assertThat(uncorrected.getTotalCount()).isEqualTo(1);
        assertThat(uncorrected.valuesAreEquivalent(uncorrected.getMaxValue(), 100_000)).isTrue();
        assertThat(corrected.valuesAreEquivalent(corrected.getMaxValue(), 400_000)).isTrue();
    }

    @Test
    void assignsLatencyToTheWindowOfTheIntendedSendAndThroughputToTheWindowOfTheEcho() {
        RunRecorder recorder = new RunRecorder(START_NS, END_NS, true);

        recorder.echoed(START_NS - 10 * MS, START_NS - 10 * MS, START_NS + 5 * MS);  // warm-up send, echo inside
        recorder.echoed(END_NS - 10 * MS, END_NS - 10 * MS, END_NS + 300 * MS);      // sent inside, echo after
        recorder.echoed(START_NS + 10 * MS, START_NS + 10 * MS, START_NS + 20 * MS); // wholly inside

        assertThat(recorder.uncorrectedInterval(null).getTotalCount()).isEqualTo(2);
        assertThat(recorder.correctedInterval(null).getTotalCount()).isEqualTo(2);
        assertThat(recorder.warmupInterval(null).getTotalCount()).isEqualTo(1);
        assertThat(recorder.messages()).isEqualTo(2);
    }

    /* A server that stops answering late in the warm-up leaves exactly these messages: left out, it would not show. */
    @Test
    void recordsAMessageGivenUpAtItsLowerBoundWhenItWasStillWaitingInsideTheWindow() {
        RunRecorder recorder = new RunRecorder(START_NS, END_NS, false);

        recorder.gaveUp(START_NS - 100 * MS, START_NS - 100 * MS, END_NS + 2000 * MS); // sent in the warm-up
        recorder.gaveUp(START_NS + 100 * MS, START_NS + 100 * MS, END_NS + 2000 * MS); // sent inside
        recorder.gaveUp(START_NS - 300 * MS, START_NS - 300 * MS, START_NS - 200 * MS); // given up in the warm-up
        recorder.gaveUp(END_NS + 10 * MS, END_NS + 10 * MS, END_NS + 2000 * MS);       // sent after the window

        Histogram uncorrected = recorder.uncorrectedInterval(null);
        assertThat(uncorrected.getTotalCount()).isEqualTo(2);
        assertThat(recorder.uncorrectedLowerBounds()).isEqualTo(2);
        assertThat(uncorrected.valuesAreEquivalent(uncorrected.getMaxValue(), 3_100_000)).isTrue();
        assertThat(recorder.messages()).as("given up, not echoed").isZero();
    }

    @Test
    void recordsNoCorrectedLatencyForAClosedLoop() {
        RunRecorder recorder = new RunRecorder(START_NS, END_NS, false);

        recorder.echoed(START_NS + MS, START_NS + MS, START_NS + 2 * MS);

        assertThat(recorder.correcting()).isFalse();
        assertThat(recorder.correctedInterval(null)).isNull();
        assertThat(recorder.uncorrectedInterval(null).getTotalCount()).isEqualTo(1);
    }

    @Test
    void clampsLatencyBeyondTheHistogramRangeAndCountsIt() {
        RunRecorder recorder = new RunRecorder(START_NS, END_NS, false);

        recorder.echoed(START_NS + MS, START_NS + MS, START_NS + MS + 100_000 * MS); // 100 s

        Histogram uncorrected = recorder.uncorrectedInterval(null);
        assertThat(recorder.clamped()).isEqualTo(1);
        assertThat(uncorrected.valuesAreEquivalent(uncorrected.getMaxValue(), LatencyHistograms.HIGHEST_US)).isTrue();
    }
}
