package io.iobench.client.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which connections stalled inside a 2 s window (a tenth of it, 200 ms, unanswered while the client ran), with
 * stretches chosen by the test.
 */
class StallRecorderTest {

    private static final long MS = 1_000_000L;
    private static final long START_NS = 10_000 * MS;
    private static final long END_NS = START_NS + 2000 * MS;

    private final StallRecorder recorder = new StallRecorder(START_NS, END_NS);

    @Test
    void aConnectionUnansweredForATenthOfTheWindowOrMoreStalled() {
        recorder.unanswered(3, START_NS + 500 * MS, START_NS + 1500 * MS);
        recorder.unanswered(4, START_NS + 500 * MS, START_NS + 699 * MS);

        assertThat(recorder.stalledNs()).isEqualTo(200 * MS);
        assertThat(recorder.stalls()).isEqualTo(new StallRecorder.Stalls(1000 * MS, 1, 0));
    }

    @Test
    void onlyThePartInsideTheWindowCounts() {
        // Unanswered since the warm-up, answered in the drain: the whole window.
        recorder.unanswered(1, START_NS - 3000 * MS, END_NS + 1000 * MS);
        // Mostly in the warm-up: 100 ms inside.
        recorder.unanswered(2, START_NS - 900 * MS, START_NS + 100 * MS);

        assertThat(recorder.stalls()).isEqualTo(new StallRecorder.Stalls(2000 * MS, 1, 0));
    }

    @Test
    void countsAConnectionOnceHoweverOftenItStalled() {
        recorder.unanswered(7, START_NS, START_NS + 300 * MS);
        recorder.unanswered(7, START_NS + 400 * MS, START_NS + 1000 * MS);

        assertThat(recorder.stalls()).isEqualTo(new StallRecorder.Stalls(600 * MS, 1, 0));
    }

    /* A stopped client reads nothing: the echoes may have waited in its socket all along. */
    @Test
    void timeTheClientDidNotRunIsNotTheServers() {
        recorder.unanswered(1, START_NS + 100 * MS, START_NS + 1620 * MS);
        recorder.unanswered(2, START_NS + 100 * MS, START_NS + 1600 * MS);
        // Reported after the echoes it held up, as the IO thread notices its stall only when it runs again.
        recorder.ioThreadStalled(START_NS + 120 * MS, START_NS + 1610 * MS);

        StallRecorder.Stalls stalls = recorder.stalls();
        assertThat(stalls.connections()).isZero();
        assertThat(stalls.longestIoThreadGapNs()).isEqualTo(1490 * MS);
    }

    @Test
    void aServerThatStallsPastTheClientsOwnStallStillStalled() {
        recorder.unanswered(1, START_NS + 100 * MS, START_NS + 1900 * MS);
        recorder.ioThreadStalled(START_NS + 200 * MS, START_NS + 700 * MS);

        assertThat(recorder.stalls()).isEqualTo(new StallRecorder.Stalls(1300 * MS, 1, 500 * MS));
    }

    @Test
    void ioThreadsStoppedTogetherCountOnce() {
        recorder.ioThreadStalled(START_NS + 100 * MS, START_NS + 1100 * MS);
        recorder.ioThreadStalled(START_NS + 150 * MS, START_NS + 1150 * MS);
        recorder.ioThreadStalled(END_NS + 100 * MS, END_NS + 5000 * MS);  // in the drain: not the window's
        recorder.unanswered(1, START_NS + 100 * MS, START_NS + 1200 * MS);

        assertThat(recorder.stalls()).isEqualTo(new StallRecorder.Stalls(0, 0, 1050 * MS));
    }
}
