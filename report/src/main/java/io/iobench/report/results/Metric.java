package io.iobench.report.results;

/**
 * The numbers of a run that tables, charts and comparisons show, each with where it lives in {@code result.json},
 * its unit, and which direction is better. Keeping them in one place means a column, an axis and a ratio of the same
 * metric always agree on name and unit.
 */
public enum Metric {

    MSGS_PER_S("msgs/s", "throughput (msgs/s)", Direction.HIGHER_IS_BETTER, "throughput", "msgs_per_s"),
    P50_US("p50 µs", "p50 latency (µs)", Direction.LOWER_IS_BETTER, "latency_us", "uncorrected", "p50"),
    P99_US("p99 µs", "p99 latency (µs)", Direction.LOWER_IS_BETTER, "latency_us", "uncorrected", "p99"),
    P999_US("p99.9 µs", "p99.9 latency (µs)", Direction.LOWER_IS_BETTER, "latency_us", "uncorrected", "p999"),
    MAX_US("max µs", "max latency (µs)", Direction.LOWER_IS_BETTER, "latency_us", "uncorrected", "max"),
    CORRECTED_P50_US("corr. p50 µs", "corrected p50 latency (µs)", Direction.LOWER_IS_BETTER,
            "latency_us", "corrected", "p50"),
    CORRECTED_P99_US("corr. p99 µs", "corrected p99 latency (µs)", Direction.LOWER_IS_BETTER,
            "latency_us", "corrected", "p99"),
    CORRECTED_P999_US("corr. p99.9 µs", "corrected p99.9 latency (µs)", Direction.LOWER_IS_BETTER,
            "latency_us", "corrected", "p999"),
    CORRECTED_MAX_US("corr. max µs", "corrected max latency (µs)", Direction.LOWER_IS_BETTER,
            "latency_us", "corrected", "max"),
    SERVER_CPU_CORES("server cores", "server CPU (cores)", Direction.LOWER_IS_BETTER, "server", "cpu_cores"),
    SERVER_CPU_US_PER_MSG("CPU µs/msg", "server CPU per message (µs)", Direction.LOWER_IS_BETTER,
            "server", "cpu_us_per_msg"),
    CTX_SWITCHES_PER_MSG("ctx sw/msg", "context switches per message", Direction.LOWER_IS_BETTER,
            "server", "ctx_switches_per_msg"),
    RUNQUEUE_WAIT_US_PER_MSG("runq µs/msg", "server runqueue wait per message (µs)", Direction.LOWER_IS_BETTER,
            "server", "runqueue_wait_us_per_msg"),
    SERVER_RSS_MIB("RSS MiB", "server RSS (MiB)", Direction.LOWER_IS_BETTER, "server", "rss_mib"),
    MEMORY_PER_CONNECTION_KIB("KiB/conn", "memory per connection (KiB)", Direction.LOWER_IS_BETTER,
            "server", "memory_per_connection_kib"),
    SERVER_THREADS("threads", "server threads", Direction.LOWER_IS_BETTER, "server", "threads"),
    IDLE_CPU_CORES("idle cores", "server CPU with idle connections (cores)", Direction.LOWER_IS_BETTER,
            "server", "idle_cpu_cores"),
    CLIENT_CPU_CORES("client cores", "client CPU (cores)", Direction.LOWER_IS_BETTER, "client", "cpu_cores"),
    CLIENT_CPU_US_PER_MSG("client µs/msg", "client CPU per message (µs)", Direction.LOWER_IS_BETTER,
            "client", "cpu_us_per_msg");

    /** Which way a change is an improvement; comparisons colour ratios by it. */
    public enum Direction { HIGHER_IS_BETTER, LOWER_IS_BETTER }

    private final String header;
    private final String label;
    private final Direction direction;
    private final String[] path;

    Metric(String header, String label, Direction direction, String... path) {
        this.header = header;
        this.label = label;
        this.direction = direction;
        this.path = path;
    }

    /** A short table header with the unit, e.g. {@code p99 µs}. */
    public String header() {
        return header;
    }

    /** An axis title with the unit, e.g. {@code p99 latency (µs)}. */
    public String label() {
        return label;
    }

    public Direction direction() {
        return direction;
    }

    /** Where the value sits in {@code result.json}. */
    String[] path() {
        return path.clone();
    }

    /** Whether the value counts whole things (messages, threads) and so prints without decimals. */
    public boolean whole() {
        return this == MSGS_PER_S || this == SERVER_THREADS;
    }
}
