package io.iobench.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When an IO thread did not run, told by the lateness of its own turns, with times chosen by the test. */
class GapTrackerTest {

    private static final long MS = 1_000_000L;

    private final List<long[]> gaps = new ArrayList<>();
    private final GapTracker tracker = new GapTracker(new EchoSink() {
        @Override
        public void echoed(long intendedNs, long sentNs, long receivedNs) {
        }

        @Override
        public void ioThreadStalled(long fromNs, long toNs) {
            gaps.add(new long[] {fromNs, toNs});
        }
    });

    @Test
    void aThreadBackFromItsWaitOnTimeOrEarlyHadNoGap() {
        tracker.turnBegins(1000 * MS);
        tracker.waitsUntil(1020 * MS);
        tracker.turnBegins(1005 * MS);  // an echo woke it early
        tracker.waitsUntil(1040 * MS);
        tracker.turnBegins(1040 * MS);  // its wake-up, on time

        assertThat(gaps).isEmpty();
    }

    @Test
    void aThreadBackThreeSecondsAfterItsWakeUpWasStoppedFromItsWakeUpOn() {
        tracker.turnBegins(1000 * MS);
        tracker.waitsUntil(1020 * MS);
        tracker.turnBegins(4020 * MS);  // SIGSTOP for 3 s while it waited

        assertThat(gaps).singleElement().isEqualTo(new long[] {1020 * MS, 4020 * MS});
    }

    @Test
    void aTurnThatDoesNotWaitIsDueBackAtOnce() {
        tracker.turnBegins(1000 * MS);  // polls only: due back at once
        tracker.turnBegins(1250 * MS);  // it ran, or stood still, for 250 ms

        assertThat(gaps).singleElement().isEqualTo(new long[] {1000 * MS, 1250 * MS});
    }

    @Test
    void latenessUnderTenMillisecondsIsALoopsOrdinaryRhythm() {
        tracker.turnBegins(1000 * MS);
        tracker.waitsUntil(1020 * MS);
        tracker.turnBegins(1029 * MS);
        tracker.turnBegins(1038 * MS);

        assertThat(gaps).isEmpty();
    }

    @Test
    void theFirstTurnHasNothingToBeLateFor() {
        tracker.turnBegins(5000 * MS);

        assertThat(gaps).isEmpty();
    }
}
