package io.iobench.client.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.client.engine.Outbox;
import io.iobench.client.engine.Pacer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The open-loop pacer driven by a fake clock: the times are the test's, not the machine's. */
class OpenLoopTest {

    private static final long START_NS = 5_000_000_000L;

    /** A connection that keeps what it was admitted and refuses beyond {@code bound} outstanding. */
    private static final class FakeOutbox implements Outbox {
        final int id;
        final int bound;
        final List<Long> admitted = new ArrayList<>();
        int refused;
        int echoed;

        FakeOutbox(int id, int bound) {
            this.id = id;
            this.bound = bound;
        }

        @Override
        public int id() {
            return id;
        }

        @Override
        public boolean admit(long intendedNs) {
            if (admitted.size() - echoed >= bound) {
                refused++;
                return false;
            }
            admitted.add(intendedNs);
            return true;
        }
    }

    private static List<FakeOutbox> outboxes(int count, int bound) {
        List<FakeOutbox> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new FakeOutbox(i, bound));
        }
        return list;
    }

    @Test
    void admitsExactlyWhatIsDueWithTheScheduledIntendedTimes() {
        List<FakeOutbox> connections = outboxes(2, 1000);
        // 2 connections at 1000 msgs/s: connection 0 at 0, 2, 4 ms..., connection 1 at 1, 3, 5 ms...
        Pacer pacer = new OpenLoop(1000).pacer(connections, 2, START_NS);

        long next = pacer.admitDue(START_NS + 2_500_000);

        assertThat(connections.get(0).admitted).containsExactly(START_NS, START_NS + 2_000_000);
        assertThat(connections.get(1).admitted).containsExactly(START_NS + 1_000_000);
        assertThat(next).isEqualTo(START_NS + 3_000_000);
        assertThat(pacer.admitDue(next - 1)).isEqualTo(next);
        assertThat(connections.get(1).admitted).hasSize(1);
    }

    @Test
    void catchesUpAfterALateWakeUpWithoutMovingTheSchedule() {
        List<FakeOutbox> connections = outboxes(1, 1000);
        Pacer pacer = new OpenLoop(100).pacer(connections, 1, START_NS);

        pacer.admitDue(START_NS + 95_000_000); // woke 95 ms late: ten sends were due

        assertThat(connections.get(0).admitted).hasSize(10);
        for (int n = 0; n < 10; n++) {
            assertThat(connections.get(0).admitted.get(n)).isEqualTo(START_NS + n * 10_000_000L);
        }
    }

    @Test
    void splitsTheScheduleBetweenIoThreadsWithoutChangingIt() {
        List<FakeOutbox> alone = outboxes(4, 1000);
        new OpenLoop(4000).pacer(alone, 4, START_NS).admitDue(START_NS + 10_000_000);
        List<FakeOutbox> shared = outboxes(4, 1000);
        new OpenLoop(4000).pacer(List.of(shared.get(0), shared.get(2)), 4, START_NS).admitDue(START_NS + 10_000_000);
        new OpenLoop(4000).pacer(List.of(shared.get(1), shared.get(3)), 4, START_NS).admitDue(START_NS + 10_000_000);

        for (int c = 0; c < 4; c++) {
            assertThat(shared.get(c).admitted).isNotEmpty().isEqualTo(alone.get(c).admitted);
        }
    }

    @Test
    void keepsTheScheduleWhenAConnectionsBacklogIsFull() {
        List<FakeOutbox> connections = outboxes(1, 3);
        Pacer pacer = new OpenLoop(1000).pacer(connections, 1, START_NS);
        FakeOutbox connection = connections.get(0);

        pacer.admitDue(START_NS + 9_000_000); // ten sends due, only three may be outstanding

        assertThat(connection.admitted).containsExactly(START_NS, START_NS + 1_000_000, START_NS + 2_000_000);
        assertThat(connection.refused).isEqualTo(7);

        connection.echoed = 3; // the server answers: the next sends go out with their own intended times
        pacer.admitDue(START_NS + 11_000_000);
        assertThat(connection.admitted).endsWith(START_NS + 10_000_000, START_NS + 11_000_000);
        assertThat(connection.refused).isEqualTo(7);
    }

    @Test
    void boundsTheWorkOfOneCallSoTheIoThreadKeepsServingSockets() {
        List<FakeOutbox> connections = outboxes(1, Integer.MAX_VALUE);
        Pacer pacer = new OpenLoop(1_000_000).pacer(connections, 1, START_NS);

        long next = pacer.admitDue(START_NS + 1_000_000_000L); // a second behind: a million sends due

        assertThat(connections.get(0).admitted).hasSize(OpenLoop.MAX_ADMISSIONS_PER_CALL);
        assertThat(next).isEqualTo(START_NS + 1_000_000_000L);
    }
}
