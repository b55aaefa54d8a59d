package io.iobench.results;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code capacity.json} (schema {@value #SCHEMA}): what a capacity search found, written into the sweep directory
 * by {@code iobench capacity} (or {@code iobench sweep --capacity}) beside the probes' runs. For each model,
 * connection count and size: the highest open-loop rate whose run met the latency objective, found by a geometric
 * ramp and a bisection, measured again at that rate so that it has an interval, with what it costs the server
 * there, its latency, what ended the search and every probe's run. The probes are ordinary runs of the sweep
 * directory (mode {@code open}, with their target rate), listed in its manifest; this file names them by id.
 * {@link #write} and {@link #read} are the only code that writes and reads it.
 *
 * @param schema    always {@value #SCHEMA}
 * @param objective what a probe's run had to meet
 * @param search    how the rates were chosen
 * @param points    a search per model, connection count and size, in the order searched
 */
public record CapacityFile(String schema, Objective objective, Search search, List<CapacityPoint> points) {

    /** The name and version of this format. */
    public static final String SCHEMA = "iobench-capacity/1";
    /** The file's name in a sweep directory. */
    public static final String NAME = "capacity.json";

    public CapacityFile {
        points = points == null ? List.of() : List.copyOf(points);
    }

    /**
     * The objective a probe's run must meet to pass: its corrected latency (from the intended send time) at
     * {@code percentile} within {@code bound_us}, at least {@code min_achieved_ratio} of the target rate echoed,
     * no errors, and not {@code client_bound}.
     *
     * @param text             as given, e.g. {@code p99=1ms}
     * @param percentile       the percentile, above 0 and under 100, e.g. 99.9
     * @param boundUs          the bound on it, µs
     * @param minAchievedRatio the share of the target rate a probe must achieve, 0 to 1 (0.99)
     */
    public record Objective(String text, double percentile, double boundUs, double minAchievedRatio) {
    }

    /**
     * How the search chose its rates.
     *
     * @param lowestRateMsgsPerS  the first probe's rate, msgs/s: a point that misses the objective even here is
     *                            {@code below_lowest_rate}
     * @param highestRateMsgsPerS the ramp stops here, msgs/s ({@code highest_rate} when it passed)
     * @param rampFactor          each ramp probe's rate over the last one's
     * @param precisionPct        the bisection stops when the failing rate is within this many percent above the
     *                            passing one
     * @param repeat              runs at the found rate in all (its passing probe and the repetitions after it),
     *                            each with a fresh client, for the capacity's interval
     * @param warmupS             each probe's warm-up, seconds: load offered and not recorded
     * @param durationS           each probe's measured window, seconds
     * @param firstWarmupS        the warm-up of each search's first probe instead, seconds: it warms the search's
     *                            fresh server JVM as well as its client
     */
    public record Search(long lowestRateMsgsPerS, long highestRateMsgsPerS, double rampFactor, double precisionPct,
                         int repeat, double warmupS, double durationS, double firstWarmupS) {
    }

    /** What ended a point's search. */
    public enum EndedBy {
        /** A probe's latency at the objective's percentile passed its bound: the rate was bracketed and bisected. */
        @JsonProperty("objective") OBJECTIVE,
        /** A probe achieved less than the objective's share of its target rate: bracketed and bisected too. */
        @JsonProperty("rate_missed") RATE_MISSED,
        /** A probe's run counted errors: the search stopped there. */
        @JsonProperty("errors") ERRORS,
        /** A probe's client was at its limit: the search stopped, and the capacity is a lower bound. */
        @JsonProperty("client_bound") CLIENT_BOUND,
        /** A probe's run failed (the server died, the client wrote no result): the search stopped there. */
        @JsonProperty("failed") FAILED,
        /** Even the lowest rate missed the objective: no capacity. */
        @JsonProperty("below_lowest_rate") BELOW_LOWEST_RATE,
        /** The highest rate met the objective: the capacity is at least that. */
        @JsonProperty("highest_rate") HIGHEST_RATE,
        /** A value this version does not know. */
        @JsonEnumDefaultValue @JsonProperty("unknown") UNKNOWN;

        /** As the file spells it: {@code rate_missed}. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One search: a model at a connection count and size, on one server JVM.
     *
     * @param model               the model
     * @param connections         active connections
     * @param size                message size, bytes
     * @param capacityMsgsPerS    the median achieved rate of the runs at the found rate, msgs/s; null when no rate
     *                            met the objective
     * @param low                 the lower end of that median's order-statistic interval, msgs/s; null with fewer
     *                            than 3 completed runs there
     * @param high                its upper end, msgs/s; null with fewer than 3
     * @param coverage            the interval's exact coverage, 0 to 1 (0.75 for 3 runs); null without one
     * @param foundRateMsgsPerS   the highest target rate whose probe met the objective, msgs/s; null when none
     * @param failingRateMsgsPerS the lowest target rate whose probe missed it, msgs/s: the capacity lies between
     *                            the found rate and this; null when none missed
     * @param met                 how many runs at the found rate met the objective
     * @param runsAtFound         how many runs were made at the found rate
     * @param serverCpuCores      the server's cores busy at the found rate, median over its runs; null when unknown
     * @param serverCpuUsPerMsg   the server's CPU per message there, µs/msg, median; null when unknown
     * @param p50Us               corrected median latency there, µs, median over its runs; null when unknown
     * @param p99Us               corrected 99th percentile there, µs, median; null when unknown
     * @param p999Us              corrected 99.9th percentile there, µs, median; null when unknown
     * @param objectiveUs         the objective's percentile there, µs, median; null when unknown
     * @param endedBy             what ended the search
     * @param endedDetail         one line on the probe that ended it, such as {@code p99 1873 us over 1000 us at 80000
     *                            msgs/s}
     * @param probes              every probe of the search, in the order run, the runs at the found rate included
     */
    public record CapacityPoint(String model, int connections, int size, Double capacityMsgsPerS, Double low,
                                Double high, Double coverage, Long foundRateMsgsPerS, Long failingRateMsgsPerS,
                                int met, int runsAtFound, Double serverCpuCores, Double serverCpuUsPerMsg,
                                Double p50Us, Double p99Us, Double p999Us, Double objectiveUs, EndedBy endedBy,
                                String endedDetail, List<Probe> probes) {

        public CapacityPoint {
            probes = probes == null ? List.of() : List.copyOf(probes);
            endedBy = endedBy == null ? EndedBy.UNKNOWN : endedBy;
        }
    }

    /**
     * One probe: a run of the sweep directory.
     *
     * @param run                the run's id, its directory under {@code runs/}
     * @param rateTargetMsgsPerS the rate offered, msgs/s
     * @param msgsPerS           the rate achieved, msgs/s; null when the run failed
     * @param objectiveUs        its corrected latency at the objective's percentile, µs; null when not measured
     * @param verdict            {@code met}, or what it missed: {@code objective}, {@code rate_missed},
     *                           {@code errors}, {@code client_bound} or {@code failed}
     */
    public record Probe(String run, long rateTargetMsgsPerS, Double msgsPerS, Double objectiveUs, String verdict) {
    }

    /** The file for these points. */
    public static CapacityFile of(Objective objective, Search search, List<CapacityPoint> points) {
        return new CapacityFile(SCHEMA, objective, search, points);
    }

    /** Writes {@code capacity.json} into the sweep directory {@code dir}, atomically. */
    public void write(Path dir) throws IOException {
        JsonFormat.write(this, dir.resolve(NAME));
    }

    /** @return the file's text */
    public String json() throws IOException {
        return JsonFormat.toJson(this) + "\n";
    }

    /**
     * Reads the sweep directory's {@code capacity.json}, strictly.
     *
     * @throws ResultFormatException naming the file, when it is truncated, corrupt, of another schema, or holds a
     *                               value of the wrong type
     */
    public static CapacityFile read(Path dir) throws IOException {
        return JsonFormat.read(dir.resolve(NAME), CapacityFile.class, SCHEMA, "capacity file");
    }

    /** The sweep directory's {@code capacity.json}, or empty when it has none or it cannot be read (a warning). */
    public static Optional<CapacityFile> readIfPresent(Path dir, Warnings warnings) {
        if (!java.nio.file.Files.exists(dir.resolve(NAME))) {
            return Optional.empty();
        }
        return JsonFormat.tolerantly(() -> read(dir), dir.resolve(NAME), warnings, "capacity left out");
    }
}
