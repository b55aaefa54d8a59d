package io.iobench.client.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimestampRingTest {

    @Test
    void keepsTheTimesOfEveryOutstandingMessageAcrossGrowth() {
        TimestampRing ring = new TimestampRing(100);
        for (long seq = 0; seq < 3; seq++) {
            assertThat(ring.offer(seq * 10)).isTrue();
            ring.sent(seq, seq * 10 + 1);
        }
        ring.remove();
        for (long seq = 3; seq < 60; seq++) {
            assertThat(ring.offer(seq * 10)).isTrue();
        }

        assertThat(ring.head()).isEqualTo(1);
        assertThat(ring.tail()).isEqualTo(60);
        assertThat(ring.intendedNs(1)).isEqualTo(10);
        assertThat(ring.sentNs(2)).isEqualTo(21);
        assertThat(ring.intendedNs(59)).isEqualTo(590);
    }

    @Test
    void refusesBeyondItsBoundAndAdmitsAgainOnceAnEchoFreesASlot() {
        TimestampRing ring = new TimestampRing(3);
        assertThat(ring.offer(1)).isTrue();
        assertThat(ring.offer(2)).isTrue();
        assertThat(ring.offer(3)).isTrue();
        assertThat(ring.offer(4)).isFalse();
        assertThat(ring.outstanding()).isEqualTo(3);

        ring.remove();

        assertThat(ring.offer(5)).isTrue();
        assertThat(ring.intendedNs(3)).isEqualTo(5);
    }

    @Test
    void changesItsBoundOnlyWhenEmpty() {
        TimestampRing ring = new TimestampRing(1);
        ring.bound(8);
        for (int i = 0; i < 8; i++) {
            assertThat(ring.offer(i)).isTrue();
        }
        assertThat(ring.offer(8)).isFalse();
        assertThatThrownBy(() -> ring.bound(2)).isInstanceOf(IllegalStateException.class);
    }
}
