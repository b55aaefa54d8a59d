package io.iobench.client.load;

/**
 * When each open-loop message is meant to be sent: a fixed total rate spread evenly over the connections, with
 * each connection's sends offset so the whole stream is evenly interleaved (as wrk2 does).
 *
 * <pre>
 * intervalNs   = connections * 1e9 / rate          (between two sends on one connection)
 * offsetNs(c)  = c * 1e9 / rate                    (connection c starts this much after the first)
 * intended(c, n) = start + offsetNs(c) + n * intervalNs
 *                = start + (n * connections + c) * 1e9 / rate
 * </pre>
 *
 * Every time comes from the start, never from "now + interval": a late send does not push later ones back, so a
 * stall cannot hide behind a slower schedule (coordinated omission). The arithmetic is exact integer arithmetic
 * (whole seconds plus a remainder), so a rate that does not divide a second accumulates no drift and nothing
 * overflows within centuries of running.
 */
public final class OpenLoopSchedule {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long startNs;
    private final int connections;
    private final long ratePerSecond;

    /**
     * @param startNs       intended time of the first message on connection 0
     * @param connections   connections sharing the rate
     * @param ratePerSecond messages per second over all connections, 1 to 1e9
     */
    public OpenLoopSchedule(long startNs, int connections, long ratePerSecond) {
        if (connections < 1) {
            throw new IllegalArgumentException("an open loop needs at least one connection");
        }
        if (ratePerSecond < 1 || ratePerSecond > NANOS_PER_SECOND) {
            throw new IllegalArgumentException("rate must be 1..1e9 messages/s, got " + ratePerSecond);
        }
        this.startNs = startNs;
        this.connections = connections;
        this.ratePerSecond = ratePerSecond;
    }

    /** @return the intended send time of message {@code n} (from 0) on connection {@code connection} */
    public long intendedNs(int connection, long n) {
        long slot = n * connections + connection;
        return startNs + slot / ratePerSecond * NANOS_PER_SECOND
                + slot % ratePerSecond * NANOS_PER_SECOND / ratePerSecond;
    }

    /** @return nanoseconds between two sends on one connection (fractional when the rate does not divide) */
    public double intervalNs() {
        return (double) connections * NANOS_PER_SECOND / ratePerSecond;
    }

    /** @return nanoseconds between connection 0's first send and {@code connection}'s */
    public double offsetNs(int connection) {
        return (double) connection * NANOS_PER_SECOND / ratePerSecond;
    }
}
