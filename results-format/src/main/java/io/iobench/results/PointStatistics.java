package io.iobench.results;

import io.iobench.statistics.Figure;
import io.iobench.statistics.MergedLatency;
import io.iobench.statistics.PointEstimate;
import io.iobench.statistics.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * What the repetitions of one point of a sweep say: for each {@link Figure}, the median, min and max over the
 * repetitions and the median's interval ({@link PointEstimate}), and for the latency percentiles the percentile of
 * every repetition's messages together ({@link MergedLatency}). The one place these are computed: the report's
 * tables, charts and headline, {@code report --compare} and {@code points.csv} ({@link PointsFile}) all read them
 * from here.
 *
 * <p>Repetitions are found without the manifest: the runs of one sweep directory with the same point ({@link Key}:
 * model, connections, idle connections, size, mode, target rate, server threads) are repetitions of it, whether a
 * sweep ran it with {@code --repeat} (ids {@code selector-c100-s64-rep1}, {@code selector-c100-s64-rep2}, ...) or a
 * directory holds the same point twice for another reason. They are taken in the order they started.
 *
 * <p>Which repetitions count:
 * <ul>
 *   <li>A failed run, and a corrupt one (an invalid run: wrong bytes came back), counts for nothing; it is listed
 *       with the reason it was left out.</li>
 *   <li>A run with a flag that makes it suspect ({@code client_bound}, {@code rate_missed}, {@code stalled},
 *       {@code client_stalled}), with errors the client counted (failed connections, timeouts, ...), or whose
 *       server or client lost {@value #STEAL_MARKED_PCT}% or more of its CPU time to the hypervisor counts in every
 *       figure and is marked: its flags and steal are listed beside it, and
 *       {@code flagged} counts such repetitions. Leaving them out would hide the noise a repetition is meant to
 *       show, and at a point where the client is the limit it would leave nothing.</li>
 *   <li>A {@code latency_incomplete} run (connections starved longer than the window left no sample) counts in
 *       every figure but the latency percentiles, whose values describe only the connections it served; the
 *       report's latency charts leave such runs out for the same reason.</li>
 * </ul>
 *
 * <p>Latency is the point's primary latency: corrected (from the intended send time) in an open loop, uncorrected
 * in a closed one, as in {@code latency.hlog}, whose untagged histograms these are. Each repetition's interval
 * histograms (the log covers the measured window only) are added into one histogram per run, and those merged
 * across the repetitions; a pooled percentile is read from that merge, never averaged from the repetitions'
 * percentiles. The per-repetition percentiles (from {@code result.json}) stay beside it. A point one of whose
 * counted runs has no readable log has no pooled percentiles, and a warning says which file.
 *
 * <pre>
 * Warnings warnings = new Warnings();
 * List&lt;PointStatistics&gt; points = PointStatistics.of(SweepReader.read(dir), warnings);
 * points.getFirst().estimate(Figure.MSGS_PER_S).orElseThrow().interval();   // the median's 95% interval, if n &gt;= 3
 * points.getFirst().pooledUs(Figure.P99_US);                                 // p99 of every repetition's messages
 * </pre>
 */
public final class PointStatistics {

    /**
     * Steal from this share of a side's CPU time up marks a repetition: the process pinned there stalled that often,
     * unseen in its own CPU time. A VM shows some steal in most runs; below this it is noise.
     */
    public static final double STEAL_MARKED_PCT = 2.0;

    /** The latency percentiles, and the percentile each one is. */
    private static final Map<Figure, Double> PERCENTILES = Map.of(Figure.P50_US, 50.0, Figure.P99_US, 99.0,
            Figure.P999_US, 99.9);

    /**
     * A point of a sweep: what its repetitions share.
     *
     * @param model              the model
     * @param connections        active connections
     * @param idleConnections    idle connections beside them
     * @param size               message size, bytes
     * @param mode               closed or open loop
     * @param rateTargetMsgsPerS the open loop's target rate; null in a closed loop
     * @param threads            the server threads the run reported; null when not recorded
     */
    public record Key(String model, int connections, int idleConnections, int size, LoadMode mode,
                      Long rateTargetMsgsPerS, Integer threads) {

        static final Comparator<Key> ORDER = Comparator.comparingInt(Key::size).thenComparingInt(Key::idleConnections)
                .thenComparing(Key::mode)
                .thenComparing(Key::rateTargetMsgsPerS, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingInt(Key::connections).thenComparing(Key::model)
                .thenComparing(Key::threads, Comparator.nullsFirst(Comparator.naturalOrder()));

        /** @return the point a run measured */
        public static Key of(RunResult.Point point) {
            return new Key(String.valueOf(point.model()), point.connections(), point.idleConnections(), point.size(),
                    point.mode(), point.rateTargetMsgsPerS(), point.threads());
        }
    }

    /**
     * One run of the point and what it counted for.
     *
     * @param run       the run
     * @param excluded  why it counts for nothing ({@code failed: reason}, {@code corrupt}); null when it counts
     * @param marks     its suspect flags, its errors and the steal that mark it, such as {@code client_bound},
     *                  {@code errors 12} or
     *                  {@code steal 3.5% of the client's CPU}; empty when nothing marks it
     * @param inLatency whether its latency percentiles count (not when excluded or {@code latency_incomplete})
     */
    public record Repetition(StoredRun run, String excluded, List<String> marks, boolean inLatency) {

        public Repetition {
            marks = List.copyOf(marks);
        }

        /** @return whether the run counts in the point's figures */
        public boolean counted() {
            return excluded == null;
        }
    }

    private final Key key;
    private final List<Repetition> repetitions;
    private final Map<Figure, PointEstimate> estimates;
    private final Map<Figure, Long> pooledUs;

    private PointStatistics(Key key, List<Repetition> repetitions, Map<Figure, PointEstimate> estimates,
                            Map<Figure, Long> pooledUs) {
        this.key = key;
        this.repetitions = List.copyOf(repetitions);
        this.estimates = estimates;
        this.pooledUs = pooledUs;
    }

    /**
     * @param sweep    the sweep as read
     * @param warnings where an interval log that cannot be read is named
     * @return a statistics per point, in the order of {@link Key#ORDER} (size, idle, mode, rate, connections, model)
     */
    public static List<PointStatistics> of(StoredSweep sweep, Warnings warnings) {
        Map<Key, List<StoredRun>> byPoint = new LinkedHashMap<>();
        for (StoredRun run : sweep.runs()) {
            byPoint.computeIfAbsent(Key.of(run.result().point()), key -> new ArrayList<>()).add(run);
        }
        return byPoint.entrySet().stream().sorted(Map.Entry.comparingByKey(Key.ORDER))
                .map(point -> of(point.getKey(), point.getValue(), warnings)).toList();
    }

    private static PointStatistics of(Key key, List<StoredRun> runs, Warnings warnings) {
        List<Repetition> repetitions = runs.stream().sorted(STARTED).map(PointStatistics::repetition).toList();
        Map<Figure, PointEstimate> estimates = new EnumMap<>(Figure.class);
        for (Figure figure : Figure.values()) {
            List<Double> values = new ArrayList<>();
            for (Repetition repetition : repetitions) {
                Number value = counts(repetition, figure) ? value(figure, repetition.run().result()) : null;
                if (value != null) {
                    values.add(value.doubleValue());
                }
            }
            if (!values.isEmpty()) {
                estimates.put(figure, PointEstimate.of(Sample.of(values)));
            }
        }
        return new PointStatistics(key, repetitions, estimates, pooled(key, repetitions, warnings));
    }

    /** Runs in the order they started; runs started at the same second by id, {@code -r2} before {@code -r10}. */
    private static final Comparator<StoredRun> STARTED = Comparator
            .comparing((StoredRun run) -> run.result().timing() == null ? "" : String.valueOf(
                    run.result().timing().startedAt()))
            .thenComparingInt(run -> run.id().length()).thenComparing(StoredRun::id);

    private static Repetition repetition(StoredRun run) {
        RunResult result = run.result();
        RunResult.RunFlags flags = result.flags();
        String excluded = flags.failed() ? "failed: " + (flags.reason() == null ? "no reason recorded" : flags.reason())
                : flags.invalid() ? "corrupt: wrong bytes came back" : null;
        List<String> marks = new ArrayList<>();
        flags.raised().stream().filter(RunResult.RunFlags.Flag::suspect).filter(flag -> !flag.invalid())
                .forEach(flag -> marks.add(flag.fieldName()));
        if (result.errors() != null && result.errors().total() > 0) {
            marks.add("errors " + result.errors().total());
        }
        mark(marks, "server", result.server() == null ? null : result.server().cpuStealPct());
        mark(marks, "client", result.client() == null ? null : result.client().cpuStealPct());
        boolean inLatency = excluded == null && !flags.latencyIncomplete();
        return new Repetition(run, excluded, marks, inLatency);
    }

    private static void mark(List<String> marks, String side, Double stealPct) {
        if (stealPct != null && stealPct >= STEAL_MARKED_PCT) {
            marks.add("steal " + Rounding.round(stealPct, 1) + "% of the " + side + "'s CPU");
        }
    }

    private static boolean counts(Repetition repetition, Figure figure) {
        return PERCENTILES.containsKey(figure) ? repetition.inLatency() : repetition.counted();
    }

    /** The pooled percentiles from the merged interval logs; none when a counted run's log cannot be read. */
    private static Map<Figure, Long> pooled(Key key, List<Repetition> repetitions, Warnings warnings) {
        String tag = key.mode() == LoadMode.OPEN ? LatencyLogFile.CORRECTED : LatencyLogFile.UNCORRECTED;
        List<Histogram> histograms = new ArrayList<>();
        for (Repetition repetition : repetitions) {
            if (!repetition.inLatency()) {
                continue;
            }
            StoredRun run = repetition.run();
            RunResult.Files files = run.result().files();
            Path log = run.dir().resolve(files == null || files.hlog() == null ? RunFiles.HLOG : files.hlog());
            try {
                Histogram total = LatencyLogFile.read(log).total(tag);
                if (total.getTotalCount() == 0) {
                    warnings.add(log, "holds no " + tag + " latency; the point's pooled percentiles are left out");
                    return Map.of();
                }
                histograms.add(total);
            } catch (IOException e) {
                warnings.add(log, "cannot be read (" + e.getMessage() + "); the point's pooled percentiles are"
                        + " left out");
                return Map.of();
            }
        }
        if (histograms.isEmpty()) {
            return Map.of();
        }
        MergedLatency merged = MergedLatency.of(histograms);
        Map<Figure, Long> pooled = new EnumMap<>(Figure.class);
        PERCENTILES.forEach((figure, percentile) -> pooled.put(figure, merged.valueAtPercentile(percentile)));
        return pooled;
    }

    /** A figure's value in one run, from its {@code result.json}; null when the run did not measure it. */
    static Number value(Figure figure, RunResult result) {
        return switch (figure) {
            case MSGS_PER_S -> result.throughput() == null ? null : result.throughput().msgsPerS();
            case P50_US -> latency(result, RunResult.Latency::p50);
            case P99_US -> latency(result, RunResult.Latency::p99);
            case P999_US -> latency(result, RunResult.Latency::p999);
            case SERVER_CPU_US_PER_MSG -> result.server() == null ? null : result.server().cpu().cpuUsPerMsg();
            case CONTEXT_SWITCHES_PER_MSG -> result.server() == null ? null
                    : result.server().contextSwitches().perMsg();
            case IDLE_CPU_CORES -> result.server() == null ? null : result.server().idleCpuCores();
        };
    }

    /** The run's primary latency: corrected in an open loop, uncorrected in a closed one. */
    private static Number latency(RunResult result, Function<RunResult.Latency, Number> percentile) {
        RunResult.LatencyUs latency = result.latencyUs();
        if (latency == null) {
            return null;
        }
        RunResult.Latency primary = result.point().mode() == LoadMode.OPEN ? latency.corrected()
                : latency.uncorrected();
        return primary == null ? null : percentile.apply(primary);
    }

    /** @return the point */
    public Key key() {
        return key;
    }

    /** @return every run of the point, counted or not, in the order they started */
    public List<Repetition> repetitions() {
        return repetitions;
    }

    /** @return how many runs count in the point's figures (neither failed nor corrupt) */
    public int counted() {
        return (int) repetitions.stream().filter(Repetition::counted).count();
    }

    /** @return how many counted runs are marked by a suspect flag, errors or steal */
    public int flagged() {
        return (int) repetitions.stream().filter(r -> r.counted() && !r.marks().isEmpty()).count();
    }

    /** @return {@code corrected} in an open loop, {@code uncorrected} in a closed one: what the latencies are */
    public String latency() {
        return key.mode() == LoadMode.OPEN ? LatencyLogFile.CORRECTED : LatencyLogFile.UNCORRECTED;
    }

    /**
     * @return the figure's median, range and interval over the repetitions that count for it (its sample holds
     *         their values in the order they started); empty when none measured it
     */
    public Optional<PointEstimate> estimate(Figure figure) {
        return Optional.ofNullable(estimates.get(figure));
    }

    /** @return the ids of the runs whose values make {@link #estimate}, in the same order */
    public List<String> runIds(Figure figure) {
        return repetitions.stream().filter(r -> counts(r, figure) && value(figure, r.run().result()) != null)
                .map(r -> r.run().id()).toList();
    }

    /**
     * @return a latency percentile of every message of every repetition that counts for it, µs, read from their
     *         merged histograms; empty for the other figures and when a log could not be read
     */
    public Optional<Long> pooledUs(Figure figure) {
        return Optional.ofNullable(pooledUs.get(figure));
    }

    @Override
    public String toString() {
        return key + ": " + counted() + " counted of " + repetitions.size();
    }
}
