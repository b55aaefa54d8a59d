package io.iobench.client.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

    private static final long START_NS = 1_000_000_000L;

    @Test
    void sendsEachConnectionAtStartPlusOffsetPlusMultiplesOfTheInterval() {
        // 4 connections sharing 1000 msgs/s: each sends every 4 ms, offset by 1 ms from the previous one.
        OpenLoopSchedule schedule = new OpenLoopSchedule(START_NS, 4, 1000);

        assertThat(schedule.intervalNs()).isEqualTo(4_000_000.0);
        assertThat(schedule.offsetNs(3)).isEqualTo(3_000_000.0);
        assertThat(schedule.intendedNs(0, 0)).isEqualTo(START_NS);
        assertThat(schedule.intendedNs(1, 0)).isEqualTo(START_NS + 1_000_000);
        assertThat(schedule.intendedNs(3, 0)).isEqualTo(START_NS + 3_000_000);
        assertThat(schedule.intendedNs(0, 1)).isEqualTo(START_NS + 4_000_000);
        assertThat(schedule.intendedNs(2, 10)).isEqualTo(START_NS + 2_000_000 + 10 * 4_000_000L);
    }

    @Test
    void interleavesConnectionsEvenlySoTheWholeStreamHasTheTargetRate() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(START_NS, 7, 100_000);
        List<Long> stream = new ArrayList<>();
        for (long n = 0; n < 50; n++) {
            for (int c = 0; c < 7; c++) {
                stream.add(schedule.intendedNs(c, n));
            }
        }
        // In connection-major round-robin order the times already increase, one global interval (10 µs) apart.
        for (int i = 1; i < stream.size(); i++) {
            assertThat(stream.get(i) - stream.get(i - 1)).isEqualTo(10_000L);
        }
    }

    @Test
    void accumulatesNoDriftWhenTheRateDoesNotDivideASecond() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(START_NS, 3, 7);
        // 7 msgs/s over 3 connections: slot 21 of the stream (connection 0, message 7) is exactly 3 s in, and
        // slot 21 million exactly 3 million seconds in, however many fractional intervals lie before it.
        assertThat(schedule.intendedNs(0, 7)).isEqualTo(START_NS + 3_000_000_000L);
        assertThat(schedule.intendedNs(0, 7_000_000)).isEqualTo(START_NS + 3_000_000_000_000_000L);
        // Neighbouring sends never differ by more than the rounding of one global interval.
        for (long k = 0; k < 1000; k++) {
            long delta = schedule.intendedNs(1, k) - schedule.intendedNs(0, k);
            assertThat(delta).isBetween(142_857_142L, 142_857_143L);
        }
    }

    @Test
    void dependsOnTheStartOnlyNeverOnWhenSendsHappened() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(START_NS, 2, 1000);
        long late = schedule.intendedNs(1, 500);
        // Asking again (as a late IO thread catching up would) gives the same time: no "now + interval".
        assertThat(schedule.intendedNs(1, 500)).isEqualTo(late).isEqualTo(START_NS + 1_001_000_000L);
    }

    @Test
    void refusesRatesAndConnectionCountsThatMakeNoSchedule() {
        assertThatThrownBy(() -> new OpenLoopSchedule(0, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenLoopSchedule(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
