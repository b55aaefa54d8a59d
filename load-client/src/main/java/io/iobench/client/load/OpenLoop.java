package io.iobench.client.load;

import io.iobench.client.engine.LoadModel;
import io.iobench.client.engine.Outbox;
import io.iobench.client.engine.Pacer;
import io.iobench.results.LoadMode;
import java.util.List;

/**
 * Open loop: messages are sent on an {@link OpenLoopSchedule} whether or not earlier echoes came back, the way
 * real clients arrive. A server that stalls therefore faces a queue, and latency measured from each message's
 * intended send time shows the whole stall (corrected for coordinated omission, as wrk2).
 *
 * <p>A connection may have at most {@code maxOutstanding} messages admitted and not yet echoed. An intended send
 * beyond that is skipped and counted as a backlog overflow; the schedule carries on, so when the server recovers
 * the backlog drains and later messages are again sent on time. Skipping bounds the client's memory, and the
 * count keeps the skipped sends in view: nothing is dropped silently.
 */
public final class OpenLoop implements LoadModel {

    /** Messages outstanding per connection by default: many seconds of a stall at usual per-connection rates. */
    public static final int DEFAULT_MAX_OUTSTANDING = 1024;

    /** Admissions per call: a loop far behind schedule still serves its sockets in between. */
    static final int MAX_ADMISSIONS_PER_CALL = 4096;

    private final long ratePerSecond;
    private final int maxOutstanding;

    /**
     * @param ratePerSecond  messages per second over all connections
     * @param maxOutstanding messages a connection may have outstanding before intended sends are skipped
     */
    public OpenLoop(long ratePerSecond, int maxOutstanding) {
        if (ratePerSecond < 1) {
            throw new IllegalArgumentException("rate must be at least 1 message/s, got " + ratePerSecond);
        }
        if (maxOutstanding < 1) {
            throw new IllegalArgumentException("max outstanding must be at least 1, got " + maxOutstanding);
        }
        this.ratePerSecond = ratePerSecond;
        this.maxOutstanding = maxOutstanding;
    }

    public OpenLoop(long ratePerSecond) {
        this(ratePerSecond, DEFAULT_MAX_OUTSTANDING);
    }

    @Override
    public int maxOutstanding() {
        return maxOutstanding;
    }

    @Override
    public LoadMode mode() {
        return LoadMode.OPEN;
    }

    @Override
    public Pacer pacer(List<? extends Outbox> share, int totalConnections, long startNs) {
        return new SchedulePacer(share.toArray(Outbox[]::new),
                new OpenLoopSchedule(startNs, totalConnections, ratePerSecond));
    }

    /** Walks one IO thread's connections through the schedule in time order: message n of each, then n + 1. */
    private static final class SchedulePacer implements Pacer {

        private final Outbox[] share;
        private final OpenLoopSchedule schedule;
        private int next;
        private long message;

        SchedulePacer(Outbox[] share, OpenLoopSchedule schedule) {
            this.share = share;
            this.schedule = schedule;
        }

        @Override
        public long admitDue(long nowNs) {
            if (share.length == 0) {
                return Long.MAX_VALUE;
            }
            for (int admitted = 0; admitted < MAX_ADMISSIONS_PER_CALL; admitted++) {
                long intendedNs = schedule.intendedNs(share[next].id(), message);
                if (intendedNs > nowNs) {
                    return intendedNs;
                }
                share[next].admit(intendedNs);
                if (++next == share.length) {
                    next = 0;
                    message++;
                }
            }
            return nowNs;
        }

        @Override
        public void echoed(Outbox connection, long nowNs) {
            // The schedule alone decides when to send.
        }
    }

    @Override
    public String toString() {
        return "open loop at " + ratePerSecond + " msgs/s";
    }
}
