package io.iobench.statistics;

/**
 * A figure a point is judged by, with its unit and which way is better. A {@link Comparison} needs the direction
 * to tell an improvement from a regression: more messages per second is better, more latency or more CPU per
 * message is worse.
 */
public enum Figure {

    /** Echoed messages per second over the measured window. */
    MSGS_PER_S("msgs/s", "msgs/s", true),
    /** Median round-trip latency, µs. */
    P50_US("p50", "µs", false),
    /** 99th percentile round-trip latency, µs. */
    P99_US("p99", "µs", false),
    /** 99.9th percentile round-trip latency, µs. */
    P999_US("p99.9", "µs", false),
    /** Server CPU time (user and system) per echoed message, µs. */
    SERVER_CPU_US_PER_MSG("server CPU", "µs/msg", false),
    /** Server context switches (voluntary and involuntary) per echoed message. */
    CONTEXT_SWITCHES_PER_MSG("ctx sw", "/msg", false),
    /** Server CPU with every connection open and silent, cores. */
    IDLE_CPU_CORES("idle CPU", "cores", false);

    private final String label;
    private final String unit;
    private final boolean higherIsBetter;

    Figure(String label, String unit, boolean higherIsBetter) {
        this.label = label;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
    }

    /** @return the figure's short name in a table heading, such as {@code p99} */
    public String label() {
        return label;
    }

    /** @return the unit its values are in, such as {@code µs} */
    public String unit() {
        return unit;
    }

    /** @return true when a larger value is the better one (throughput), false when smaller is (cost, latency) */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }
}
