package io.iobench.results;

import com.fasterxml.jackson.databind.JsonNode;
import io.iobench.statistics.ConfidenceInterval;
import io.iobench.statistics.Figure;
import io.iobench.statistics.PointEstimate;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * {@code points.json} (schema {@value #SCHEMA}) and {@code points.csv}: a sweep's points with the statistics of
 * their repetitions ({@link PointStatistics}), written into the sweep directory by {@code iobench report}, since
 * they derive from the runs. For each figure of a point: the median over the repetitions that count, their min and
 * max, and the median's confidence interval with its exact coverage and how it was found (the order-statistic
 * interval: two of the sorted values, chosen from the binomial(n, ½) distribution); with fewer than 3 repetitions
 * there is no interval and its cells are empty. For the latency percentiles also the pooled value, the percentile
 * of every repetition's messages together, read from their merged histograms. Runs that failed or came back
 * corrupt count for nothing; flagged ones count and are listed with their marks (see {@link PointStatistics}).
 *
 * <p>{@code points.json} holds every value; {@code points.csv} is a row per point, each column a view of one field
 * of {@code points.json}, named by its path as in {@code summary.csv}, an empty cell for null. Its columns are a
 * public format sealed by a golden file: added at the end, never renamed, never moved.
 *
 * @param schema always {@value #SCHEMA}
 * @param points a point per distinct point of the sweep's runs, ordered by size, idle connections, mode, rate,
 *               connections, model and threads
 */
public record PointsFile(String schema, List<PointsFile.PointEntry> points) {

    /** The schema of {@code points.json}. */
    public static final String SCHEMA = "iobench-points/1";
    /** The file name of the JSON, in the sweep directory. */
    public static final String JSON = "points.json";
    /** The file name of the CSV, in the sweep directory. */
    public static final String CSV = "points.csv";

    public PointsFile {
        points = List.copyOf(points);
    }

    /**
     * One point and its repetitions.
     *
     * @param model              the model
     * @param connections        active connections
     * @param idleConnections    idle connections opened beside them
     * @param size               message size, bytes
     * @param mode               closed or open loop
     * @param rateTargetMsgsPerS the open loop's target rate, msgs/s; null in a closed loop
     * @param threads            the server threads the runs reported; null when not recorded
     * @param latency            which latency the percentiles are: {@code corrected} (from the intended send time)
     *                           in an open loop, {@code uncorrected} in a closed one
     * @param runs               every run of the point, in the order they started
     * @param counted            how many runs count (neither failed nor corrupt)
     * @param flagged            how many counted runs are marked by a suspect flag or by steal of 2% or more
     * @param figures            the statistics of each figure
     */
    public record PointEntry(String model, int connections, int idleConnections, int size, LoadMode mode,
                             Long rateTargetMsgsPerS, Integer threads, String latency, List<PointRun> runs,
                             int counted, int flagged, FigureSet figures) {

        public PointEntry {
            runs = List.copyOf(runs);
        }
    }

    /**
     * One run of a point.
     *
     * @param id        the run's directory name under {@code runs/}, such as {@code selector-c100-s64-r2}
     * @param excluded  why it counts for nothing: {@code failed: } and the reason, or {@code corrupt: wrong bytes
     *                  came back}; null when it counts
     * @param marks     what marks it while it counts: its suspect flags ({@code client_bound}, {@code rate_missed},
     *                  {@code latency_incomplete}, {@code stalled}, {@code client_stalled}) and steal of 2% or more
     *                  of a side's CPU ({@code steal 3.5% of the client's CPU}); empty when nothing does
     * @param inLatency whether its latency percentiles count: not when excluded or {@code latency_incomplete}
     */
    public record PointRun(String id, String excluded, List<String> marks, boolean inLatency) {

        public PointRun {
            marks = List.copyOf(marks);
        }
    }

    /**
     * The point's figures; one is null when no counted run measured it (a server's costs without
     * {@code --server-pid}).
     *
     * @param msgsPerS          echoed messages per second, msgs/s
     * @param p50Us             median latency, µs
     * @param p99Us             99th percentile latency, µs
     * @param p999Us            99.9th percentile latency, µs
     * @param serverCpuUsPerMsg server CPU time per message, µs/msg
     * @param ctxSwitchesPerMsg server context switches per message, switches/msg
     * @param idleCpuCores      server CPU with every connection open and silent, cores
     */
    public record FigureSet(FigureEstimate msgsPerS, FigureEstimate p50Us, FigureEstimate p99Us,
                            FigureEstimate p999Us, FigureEstimate serverCpuUsPerMsg, FigureEstimate ctxSwitchesPerMsg,
                            FigureEstimate idleCpuCores) {
    }

    /**
     * One figure of one point over its repetitions, in the figure's unit.
     *
     * @param n        how many repetitions gave a value
     * @param median   the median of their values (of two, their mean), in the figure's unit
     * @param min      the smallest value, in the figure's unit
     * @param max      the largest value, in the figure's unit
     * @param low      the lower end of the median's confidence interval, in the figure's unit; null with fewer than
     *                 3 repetitions
     * @param high     its upper end, in the figure's unit; null with fewer than 3 repetitions
     * @param coverage the interval's exact coverage, 0 to 1: 0.75 for 3 repetitions, 0.9375 for 5, 0.95 or more
     *                 from 6 on; null without an interval
     * @param method   how the interval was found: {@code order_statistics}, the distribution-free interval for a
     *                 median from two order statistics; null without an interval
     * @param pooled   for a latency percentile, µs: the percentile of every counted repetition's messages together,
     *                 from their merged histograms (never a mean of percentiles); null for the other figures and when
     *                 a run's interval log could not be read
     * @param values   each repetition's value, in the figure's unit, in the order the runs started
     * @param runs     the id of the run each value is from
     */
    public record FigureEstimate(int n, double median, double min, double max, Double low, Double high,
                                 Double coverage, String method, Long pooled, List<Double> values,
                                 List<String> runs) {

        public FigureEstimate {
            values = List.copyOf(values);
            runs = List.copyOf(runs);
        }
    }

    /** One column of {@code points.csv}: its header and the {@code points.json} field of a point it shows. */
    public record Column(String name, String field) {
    }

    /** Every column of {@code points.csv}, in order. */
    public static final List<Column> COLUMNS = columns();

    /** The header line of {@code points.csv}, without its line break. */
    public static final String HEADER = String.join(",", COLUMNS.stream().map(Column::name).toList());

    private static List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        for (String field : List.of("model", "connections", "idle_connections", "size", "mode",
                "rate_target_msgs_per_s", "threads", "latency", "counted", "flagged")) {
            columns.add(new Column(field, "/" + field));
        }
        for (String figure : List.of("msgs_per_s", "p50_us", "p99_us", "p999_us", "server_cpu_us_per_msg",
                "ctx_switches_per_msg", "idle_cpu_cores")) {
            for (String part : List.of("n", "median", "low", "high", "coverage", "min", "max")) {
                columns.add(new Column(figure + "_" + part, "/figures/" + figure + "/" + part));
            }
            if (figure.endsWith("_us") && figure.startsWith("p")) {
                columns.add(new Column(figure + "_pooled", "/figures/" + figure + "/pooled"));
            }
        }
        return List.copyOf(columns);
    }

    /** @return the file's content for these points */
    public static PointsFile of(List<PointStatistics> points) {
        return new PointsFile(SCHEMA, points.stream().map(PointsFile::point).toList());
    }

    private static PointEntry point(PointStatistics statistics) {
        PointStatistics.Key key = statistics.key();
        List<PointRun> runs = statistics.repetitions().stream()
                .map(r -> new PointRun(r.run().id(), r.excluded(), r.marks(), r.inLatency())).toList();
        FigureSet figures = new FigureSet(estimate(statistics, Figure.MSGS_PER_S),
                estimate(statistics, Figure.P50_US), estimate(statistics, Figure.P99_US),
                estimate(statistics, Figure.P999_US),
                estimate(statistics, Figure.SERVER_CPU_US_PER_MSG),
                estimate(statistics, Figure.CONTEXT_SWITCHES_PER_MSG), estimate(statistics, Figure.IDLE_CPU_CORES));
        return new PointEntry(key.model(), key.connections(), key.idleConnections(), key.size(), key.mode(),
                key.rateTargetMsgsPerS(), key.threads(), statistics.latency(), runs, statistics.counted(),
                statistics.flagged(), figures);
    }

    private static FigureEstimate estimate(PointStatistics statistics, Figure figure) {
        PointEstimate estimate = statistics.estimate(figure).orElse(null);
        if (estimate == null) {
            return null;
        }
        ConfidenceInterval interval = estimate.interval().orElse(null);
        List<Double> values = new ArrayList<>();
        for (double value : estimate.sample().values()) {
            values.add(value);
        }
        return new FigureEstimate(estimate.repetitions(), estimate.median(), estimate.min(), estimate.max(),
                interval == null ? null : interval.low(), interval == null ? null : interval.high(),
                interval == null ? null : interval.coverage(),
                interval == null ? null : interval.method().name().toLowerCase(Locale.ROOT),
                statistics.pooledUs(figure).orElse(null), values, statistics.runIds(figure));
    }

    /** @return {@code points.json}, indented, ending in a line break */
    public String json() throws IOException {
        return JsonFormat.toJson(this) + "\n";
    }

    /** @return {@code points.csv}: the header and a row per point, each line ending in a line break */
    public String csv() {
        JsonNode tree = JsonFormat.toTree(this);
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (JsonNode point : tree.get("points")) {
            StringJoiner row = new StringJoiner(",");
            for (Column column : COLUMNS) {
                row.add(cell(point.at(column.field())));
            }
            csv.append(row).append('\n');
        }
        return csv.toString();
    }

    /** Writes {@code points.json} and {@code points.csv} into the sweep directory {@code dir}, each atomically. */
    public void write(Path dir) throws IOException {
        AtomicFile.writeText(dir.resolve(JSON), json());
        AtomicFile.writeText(dir.resolve(CSV), csv());
    }

    /** A number in plain digits (never an exponent), text quoted where RFC 4180 needs it, null as an empty cell. */
    private static String cell(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isNumber()) {
            return new BigDecimal(value.asText()).stripTrailingZeros().toPlainString();
        }
        String text = value.asText();
        return text.indexOf(',') < 0 && text.indexOf('"') < 0 ? text : '"' + text.replace("\"", "\"\"") + '"';
    }
}
