package io.iobench.report.view;

import io.iobench.results.RunResult;
import io.iobench.statistics.Figure;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The numbers of a run that tables, charts and comparisons show, each a function of its {@link RunResult} with its
 * unit and which direction is better. Keeping them in one place means a column, an axis and a ratio of the same
 * metric always agree on name and unit; a metric of a part the run did not measure (a failed run's server) is null.
 */
public enum Metric {

    MSGS_PER_S("msgs/s", "throughput (msgs/s)", Direction.HIGHER_IS_BETTER,
            r -> r.throughput() == null ? null : r.throughput().msgsPerS()),
    P50_US("p50 µs", "p50 latency (µs)", Direction.LOWER_IS_BETTER, uncorrected(RunResult.Latency::p50)),
    P99_US("p99 µs", "p99 latency (µs)", Direction.LOWER_IS_BETTER, uncorrected(RunResult.Latency::p99)),
    P999_US("p99.9 µs", "p99.9 latency (µs)", Direction.LOWER_IS_BETTER, uncorrected(RunResult.Latency::p999)),
    MAX_US("max µs", "max latency (µs)", Direction.LOWER_IS_BETTER, uncorrected(RunResult.Latency::max)),
    CORRECTED_P50_US("corr. p50 µs", "corrected p50 latency (µs)", Direction.LOWER_IS_BETTER,
            corrected(RunResult.Latency::p50)),
    CORRECTED_P99_US("corr. p99 µs", "corrected p99 latency (µs)", Direction.LOWER_IS_BETTER,
            corrected(RunResult.Latency::p99)),
    CORRECTED_P999_US("corr. p99.9 µs", "corrected p99.9 latency (µs)", Direction.LOWER_IS_BETTER,
            corrected(RunResult.Latency::p999)),
    CORRECTED_MAX_US("corr. max µs", "corrected max latency (µs)", Direction.LOWER_IS_BETTER,
            corrected(RunResult.Latency::max)),
    SERVER_CPU_CORES("server cores", "server CPU (cores)", Direction.LOWER_IS_BETTER,
            server(s -> s.cpu().cpuCores())),
    SERVER_CPU_US_PER_MSG("CPU µs/msg", "server CPU per message (µs)", Direction.LOWER_IS_BETTER,
            server(s -> s.cpu().cpuUsPerMsg())),
    CTX_SWITCHES_PER_MSG("ctx sw/msg", "context switches per message", Direction.LOWER_IS_BETTER,
            server(s -> s.contextSwitches().perMsg())),
    RUNQUEUE_WAIT_US_PER_MSG("runq µs/msg", "server runqueue wait per message (µs)", Direction.LOWER_IS_BETTER,
            server(s -> s.runqueueWait().runqueueWaitUsPerMsg())),
    SERVER_RSS_MIB("RSS MiB", "server RSS (MiB)", Direction.LOWER_IS_BETTER, server(s -> s.size().rssMib())),
    MEMORY_PER_CONNECTION_KIB("KiB/conn", "memory per connection (KiB)", Direction.LOWER_IS_BETTER,
            server(s -> s.memory().memoryPerConnectionKib())),
    SERVER_THREADS("threads", "server threads", Direction.LOWER_IS_BETTER, server(s -> s.size().threads())),
    IDLE_CPU_CORES("idle cores", "server CPU with idle connections (cores)", Direction.LOWER_IS_BETTER,
            server(RunResult.Server::idleCpuCores)),
    CLIENT_CPU_CORES("client cores", "client CPU (cores)", Direction.LOWER_IS_BETTER,
            r -> r.client() == null ? null : r.client().cpu().cpuCores()),
    CLIENT_CPU_US_PER_MSG("client µs/msg", "client CPU per message (µs)", Direction.LOWER_IS_BETTER,
            r -> r.client() == null ? null : r.client().cpu().cpuUsPerMsg());

    /** Which way a change is an improvement; comparisons colour ratios by it. */
    public enum Direction { HIGHER_IS_BETTER, LOWER_IS_BETTER }

    private final String header;
    private final String label;
    private final Direction direction;
    private final Function<RunResult, Number> value;

    Metric(String header, String label, Direction direction, Function<RunResult, Number> value) {
        this.header = header;
        this.label = label;
        this.direction = direction;
        this.value = value;
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

    /** The metric of {@code result}, or null when the run did not measure it. */
    public Double of(RunResult result) {
        Number number = value.apply(result);
        return number == null ? null : number.doubleValue();
    }

    /**
     * The figure of a point's statistics this metric is, where it is one: a point's latency is corrected in an open
     * loop and uncorrected in a closed one, so {@code P99_US} is {@link Figure#P99_US} only in a closed loop and
     * {@code CORRECTED_P99_US} only in an open one.
     *
     * @param openLoop whether the run is an open loop's
     */
    public Optional<Figure> figure(boolean openLoop) {
        Figure figure = switch (this) {
            case MSGS_PER_S -> Figure.MSGS_PER_S;
            case P50_US -> openLoop ? null : Figure.P50_US;
            case P99_US -> openLoop ? null : Figure.P99_US;
            case P999_US -> openLoop ? null : Figure.P999_US;
            case CORRECTED_P50_US -> openLoop ? Figure.P50_US : null;
            case CORRECTED_P99_US -> openLoop ? Figure.P99_US : null;
            case CORRECTED_P999_US -> openLoop ? Figure.P999_US : null;
            case SERVER_CPU_US_PER_MSG -> Figure.SERVER_CPU_US_PER_MSG;
            case CTX_SWITCHES_PER_MSG -> Figure.CONTEXT_SWITCHES_PER_MSG;
            case IDLE_CPU_CORES -> Figure.IDLE_CPU_CORES;
            default -> null;
        };
        return Optional.ofNullable(figure);
    }

    /** Whether the value is a latency percentile, uncorrected or corrected. */
    public boolean latency() {
        return LATENCIES.contains(this);
    }

    private static final Set<Metric> LATENCIES = EnumSet.of(P50_US, P99_US, P999_US, MAX_US, CORRECTED_P50_US,
            CORRECTED_P99_US, CORRECTED_P999_US, CORRECTED_MAX_US);

    /** Whether the value counts whole things (messages, threads) and so prints without decimals. */
    public boolean whole() {
        return this == MSGS_PER_S || this == SERVER_THREADS;
    }

    private static Function<RunResult, Number> uncorrected(Function<RunResult.Latency, Number> percentile) {
        return r -> r.latencyUs() == null || r.latencyUs().uncorrected() == null ? null
                : percentile.apply(r.latencyUs().uncorrected());
    }

    private static Function<RunResult, Number> corrected(Function<RunResult.Latency, Number> percentile) {
        return r -> r.latencyUs() == null || r.latencyUs().corrected() == null ? null
                : percentile.apply(r.latencyUs().corrected());
    }

    private static Function<RunResult, Number> server(Function<RunResult.Server, Number> part) {
        return r -> r.server() == null ? null : part.apply(r.server());
    }
}
