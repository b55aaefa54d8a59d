package io.iobench.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JMH's JSON result format: an array of
 * {@code {benchmark, mode, params{...}, primaryMetric{score, scoreError, scoreUnit, rawData}, secondaryMetrics{...}}}.
 * JMH writes {@code "NaN"} as a string for an error it could not compute (one fork, one iteration); that reads as NaN.
 */
public final class JmhResultFile {

    private JmhResultFile() {
    }

    /** The file's results; a file or entry that cannot be read becomes a warning and is left out. */
    public static List<JmhResult> read(Path file, Warnings warnings) {
        JsonNode root = JsonFormat.readTree(file, warnings, "JMH results left out").orElse(null);
        if (root == null) {
            return List.of();
        }
        if (!root.isArray()) {
            warnings.add(file, "not a JMH result file (expected a JSON array); left out");
            return List.of();
        }
        List<JmhResult> results = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode entry = root.get(i);
            String benchmark = text(entry.path("benchmark"));
            double score = number(entry.path("primaryMetric").path("score"));
            if (benchmark == null || Double.isNaN(score)) {
                warnings.add(file, "entry " + (i + 1) + " has no benchmark name or score; left out");
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            entry.path("params").properties().forEach(p -> params.put(p.getKey(), p.getValue().asText()));
            List<JmhResult.Secondary> secondary = new ArrayList<>();
            entry.path("secondaryMetrics").properties().forEach(m -> secondary.add(new JmhResult.Secondary(
                    m.getKey(), number(m.getValue().path("score")), number(m.getValue().path("scoreError")),
                    String.valueOf(text(m.getValue().path("scoreUnit"))))));
            int samples = 0;
            for (JsonNode fork : entry.path("primaryMetric").path("rawData")) {
                samples += fork.size();
            }
            String mode = text(entry.path("mode"));
            String unit = text(entry.path("primaryMetric").path("scoreUnit"));
            results.add(new JmhResult(benchmark, mode == null ? "?" : mode, params, score,
                    number(entry.path("primaryMetric").path("scoreError")), unit == null ? "" : unit, samples,
                    secondary));
        }
        return results;
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.textValue() : null;
    }

    /** A number, or JMH's {@code "NaN"} and anything else unreadable as NaN. */
    private static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.textValue());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}
