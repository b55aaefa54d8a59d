package io.iobench.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.StringJoiner;

/**
 * One row of {@code summary.csv}: the figures of a run's {@code result.json} a spreadsheet needs, flattened.
 * Columns are a public format: add at the end, never rename. Empty cells stand for null (not measured).
 */
final class SummaryRow {

    /** Column name and the JSON pointer it is read from. */
    private static final List<String[]> COLUMNS = List.of(
            col("model", "/model"), col("connections", "/connections"),
            col("idle_connections", "/idle_connections"), col("size", "/size"), col("mode", "/mode"),
            col("pipeline", "/pipeline"), col("rate_target_msgs_per_s", "/rate_target_msgs_per_s"),
            col("msgs_per_s", "/throughput/msgs_per_s"), col("mib_per_s", "/throughput/mib_per_s"),
            col("p50_us", "/latency_us/uncorrected/p50"), col("p90_us", "/latency_us/uncorrected/p90"),
            col("p99_us", "/latency_us/uncorrected/p99"), col("p999_us", "/latency_us/uncorrected/p999"),
            col("max_us", "/latency_us/uncorrected/max"),
            col("corrected_p50_us", "/latency_us/corrected/p50"), col("corrected_p99_us", "/latency_us/corrected/p99"),
            col("corrected_p999_us", "/latency_us/corrected/p999"), col("corrected_max_us", "/latency_us/corrected/max"),
            col("server_cpu_cores", "/server/cpu_cores"), col("server_cpu_us_per_msg", "/server/cpu_us_per_msg"),
            col("idle_cpu_cores", "/server/idle_cpu_cores"), col("ctx_switches_per_msg", "/server/ctx_switches_per_msg"),
            col("server_threads", "/server/threads"), col("server_rss_mib", "/server/rss_mib"),
            col("memory_per_connection_kib", "/server/memory_per_connection_kib"),
            col("client_cpu_cores", "/client/cpu_cores"), col("client_cpu_us_per_msg", "/client/cpu_us_per_msg"),
            col("client_io", "/client/io"),
            col("errors_connect", "/errors/connect"), col("errors_io", "/errors/io"),
            col("errors_mismatch", "/errors/mismatch"), col("errors_timeout", "/errors/timeout"),
            col("client_bound", "/flags/client_bound"), col("rate_missed", "/flags/rate_missed"),
            col("failed", "/flags/failed"), col("reason", "/flags/reason"),
            col("server_cpu_steal_pct", "/server/cpu_steal_pct"), col("client_cpu_steal_pct", "/client/cpu_steal_pct"),
            col("runqueue_wait_us_per_msg", "/server/runqueue_wait_us_per_msg"),
            col("client_runqueue_wait_s", "/client/runqueue_wait_s"),
            col("latency_incomplete", "/flags/latency_incomplete"));

    static final String HEADER = "id," + String.join(",", COLUMNS.stream().map(c -> c[0]).toList());

    private SummaryRow() {
    }

    static String of(String id, JsonNode result) {
        StringJoiner row = new StringJoiner(",");
        row.add(id);
        for (String[] column : COLUMNS) {
            JsonNode value = result.at(column[1]);
            row.add(value.isMissingNode() || value.isNull() ? "" : csv(value.asText()));
        }
        return row.toString();
    }

    private static String[] col(String name, String pointer) {
        return new String[] {name, pointer};
    }

    /** Quotes a cell that holds a comma, quote or line break (RFC 4180). */
    private static String csv(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"").replace('\n', ' ') + '"';
    }
}
