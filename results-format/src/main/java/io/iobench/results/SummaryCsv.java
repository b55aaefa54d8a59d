package io.iobench.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code summary.csv}: a row per run of a sweep, the figures of its {@code result.json} a spreadsheet needs,
 * flattened. Every column is a view of one field of {@link RunResult}, named by its path in the file, so a column
 * and its field cannot disagree; an empty cell stands for null (not measured). RFC 4180 quoting.
 *
 * <p>The columns are a public format, sealed by a golden file: a column is added at the end, never renamed, never
 * moved. ({@code client_io} sits mid-row: it was inserted there once, and is kept where readers have found it since.)
 *
 * <p>Every figure of a run is here; left out are only {@code schema} (the same in every row), {@code target} (the
 * server's address, a fresh port per run), {@code server.pid} (a process that no longer exists), {@code environment}
 * (the host's, the same for every run of a sweep, and in the manifest) and {@code files} (the same names in every run
 * directory). With {@code --repeat} a row is one repetition: which point it repeats, its round and whether it was
 * noisy are the manifest's {@code runs[]}, and {@code points.csv} has a row per point.
 */
public final class SummaryCsv {

    /**
     * One column.
     *
     * @param name  the header
     * @param field the {@code result.json} field it shows, as a JSON pointer
     */
    public record Column(String name, String field) {
    }

    /** Every column after {@code id} (the run's directory name), in order. */
    public static final List<Column> COLUMNS = List.of(
            new Column("model", "/model"), new Column("connections", "/connections"),
            new Column("idle_connections", "/idle_connections"), new Column("size", "/size"),
            new Column("mode", "/mode"), new Column("pipeline", "/pipeline"),
            new Column("rate_target_msgs_per_s", "/rate_target_msgs_per_s"),
            new Column("msgs_per_s", "/throughput/msgs_per_s"), new Column("mib_per_s", "/throughput/mib_per_s"),
            new Column("p50_us", "/latency_us/uncorrected/p50"), new Column("p90_us", "/latency_us/uncorrected/p90"),
            new Column("p99_us", "/latency_us/uncorrected/p99"),
            new Column("p999_us", "/latency_us/uncorrected/p999"),
            new Column("max_us", "/latency_us/uncorrected/max"),
            new Column("corrected_p50_us", "/latency_us/corrected/p50"),
            new Column("corrected_p99_us", "/latency_us/corrected/p99"),
            new Column("corrected_p999_us", "/latency_us/corrected/p999"),
            new Column("corrected_max_us", "/latency_us/corrected/max"),
            new Column("server_cpu_cores", "/server/cpu_cores"),
            new Column("server_cpu_us_per_msg", "/server/cpu_us_per_msg"),
            new Column("idle_cpu_cores", "/server/idle_cpu_cores"),
            new Column("ctx_switches_per_msg", "/server/ctx_switches_per_msg"),
            new Column("server_threads", "/server/threads"), new Column("server_rss_mib", "/server/rss_mib"),
            new Column("memory_per_connection_kib", "/server/memory_per_connection_kib"),
            new Column("client_cpu_cores", "/client/cpu_cores"),
            new Column("client_cpu_us_per_msg", "/client/cpu_us_per_msg"), new Column("client_io", "/client/io"),
            new Column("errors_connect", "/errors/connect"), new Column("errors_io", "/errors/io"),
            new Column("errors_mismatch", "/errors/mismatch"), new Column("errors_timeout", "/errors/timeout"),
            new Column("client_bound", "/flags/client_bound"), new Column("rate_missed", "/flags/rate_missed"),
            new Column("failed", "/flags/failed"), new Column("reason", "/flags/reason"),
            new Column("server_cpu_steal_pct", "/server/cpu_steal_pct"),
            new Column("client_cpu_steal_pct", "/client/cpu_steal_pct"),
            new Column("runqueue_wait_us_per_msg", "/server/runqueue_wait_us_per_msg"),
            new Column("client_runqueue_wait_s", "/client/runqueue_wait_s"),
            new Column("latency_incomplete", "/flags/latency_incomplete"),
            new Column("both_saturated", "/flags/both_saturated"), new Column("client_io_busy", "/client/io_busy"),
            new Column("server_busiest_thread_busy", "/server/busiest_thread_busy"),
            new Column("little_ratio", "/latency_us/little_ratio"), new Column("threads", "/threads"),
            new Column("stalled", "/flags/stalled"), new Column("stalled_s", "/flags/stalled_s"),
            new Column("stalled_connections", "/flags/stalled_connections"),
            new Column("client_stalled", "/flags/client_stalled"),
            new Column("client_stalled_max_gap_ms", "/flags/client_stalled_max_gap_ms"),
            new Column("corrupt", "/flags/corrupt"),
            new Column("warmup_s", "/warmup_s"), new Column("duration_s", "/duration_s"),
            new Column("measured_s", "/measured_s"), new Column("started_at", "/started_at"),
            new Column("messages", "/throughput/messages"),
            new Column("count", "/latency_us/uncorrected/count"), new Column("mean_us", "/latency_us/uncorrected/mean"),
            new Column("p9999_us", "/latency_us/uncorrected/p9999"),
            new Column("lower_bound_samples", "/latency_us/uncorrected/lower_bound_samples"),
            new Column("corrected_count", "/latency_us/corrected/count"),
            new Column("corrected_mean_us", "/latency_us/corrected/mean"),
            new Column("corrected_p90_us", "/latency_us/corrected/p90"),
            new Column("corrected_p9999_us", "/latency_us/corrected/p9999"),
            new Column("corrected_lower_bound_samples", "/latency_us/corrected/lower_bound_samples"),
            new Column("connected", "/connect/connected"), new Column("connect_failed", "/connect/failed"),
            new Column("connect_ms", "/connect/duration_ms"),
            new Column("first_echo_p50_us", "/connect/first_echo_us/p50"),
            new Column("first_echo_p99_us", "/connect/first_echo_us/p99"),
            new Column("first_echo_max_us", "/connect/first_echo_us/max"),
            new Column("first_echo_unanswered", "/connect/first_echo_us/unanswered"),
            new Column("settle_ms", "/connect/settle_ms"), new Column("settled", "/connect/settled"),
            new Column("errors_reset", "/errors/reset"), new Column("errors_refused", "/errors/refused"),
            new Column("errors_backlog_overflow", "/errors/backlog_overflow"),
            new Column("server_cpu_user_s", "/server/cpu_user_s"), new Column("server_cpu_sys_s", "/server/cpu_sys_s"),
            new Column("ctx_switches_voluntary", "/server/ctx_switches_voluntary"),
            new Column("ctx_switches_involuntary", "/server/ctx_switches_involuntary"),
            new Column("server_rss_peak_mib", "/server/rss_peak_mib"), new Column("server_fds", "/server/fds"),
            new Column("server_rss_before_connect_mib", "/server/rss_before_connect_mib"),
            new Column("server_runqueue_wait_s", "/server/runqueue_wait_s"),
            new Column("server_threads_exited", "/server/threads_exited"),
            new Column("client_cpu_user_s", "/client/cpu_user_s"), new Column("client_cpu_sys_s", "/client/cpu_sys_s"),
            new Column("client_cores_available", "/client/cores_available"));

    /** The header line, without its line break. */
    public static final String HEADER = "id," + String.join(",", COLUMNS.stream().map(Column::name).toList());

    private SummaryCsv() {
    }

    /** The row of run {@code id}, without its line break. */
    public static String row(String id, RunResult result) {
        JsonNode json = JsonFormat.toTree(result);
        StringJoiner row = new StringJoiner(",");
        row.add(cell(id));
        for (Column column : COLUMNS) {
            JsonNode value = json.at(column.field());
            row.add(value.isMissingNode() || value.isNull() ? "" : cell(value.asText()));
        }
        return row.toString();
    }

    /** The header and these rows, each ending in a line break. */
    static String text(List<String> rows) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        rows.forEach(row -> text.append(row).append('\n'));
        return text.toString();
    }

    /**
     * Reads a summary back, a map from column name to cell per row ({@code id} included), for tools and tests.
     *
     * @throws ResultFormatException when the header is not this version's or a row has another number of cells
     */
    public static List<Map<String, String>> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.getFirst().equals(HEADER)) {
            throw new ResultFormatException(file, "does not start with the summary.csv header of this version", null);
        }
        List<String> names = split(HEADER);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = split(lines.get(i));
            if (cells.size() != names.size()) {
                throw new ResultFormatException(file, "line " + (i + 1) + " has " + cells.size() + " cells, not "
                        + names.size(), null);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < names.size(); c++) {
                row.put(names.get(c), cells.get(c));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Quotes a cell that holds a comma, quote or line break (RFC 4180); a line break becomes a space. */
    private static String cell(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"").replace('\n', ' ') + '"';
    }

    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
