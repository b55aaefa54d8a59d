package io.iobench.report.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One run of a sweep as its {@code result.json} tells it (schema {@code iobench-run/1}). The JSON tree is kept
 * whole, and values are read through {@link Metric}s, so a field this version does not know is simply not shown and a
 * field the writer left null is a blank cell.
 */
public final class Run {

    private final String id;
    private final Path dir;
    private final JsonNode json;
    private final RunKey key;

    private Run(String id, Path dir, JsonNode json, RunKey key) {
        this.id = id;
        this.dir = dir;
        this.json = json;
        this.key = key;
    }

    /**
     * @param id   the run's directory name, e.g. {@code selector-c100-s64}
     * @param dir  the run's directory, holding {@code result.json} and the {@code .hgrm} files
     * @param json the parsed {@code result.json}; must name its connection count
     * @throws IllegalArgumentException when the result has no connection count, the one field no chart can do without
     */
    public static Run of(String id, Path dir, JsonNode json) {
        Double connections = Fields.number(json, "connections");
        if (connections == null) {
            throw new IllegalArgumentException("no \"connections\" field");
        }
        Double idle = Fields.number(json, "idle_connections");
        Double size = Fields.number(json, "size");
        String model = Fields.text(json, "model");
        String mode = Fields.text(json, "mode");
        Slice slice = new Slice(size == null ? 0 : size.intValue(), idle == null ? 0 : idle.intValue(),
                mode == null ? "closed" : mode, Fields.number(json, "rate_target_msgs_per_s"));
        return new Run(id, dir, json, new RunKey(model == null ? "unknown" : model, connections.intValue(), slice));
    }

    public String id() {
        return id;
    }

    public Path dir() {
        return dir;
    }

    public RunKey key() {
        return key;
    }

    /** The whole {@code result.json}, for fields no {@link Metric} covers (environment, connect, files). */
    public JsonNode json() {
        return json;
    }

    /** The metric's value, or null when the run did not measure it. */
    public Double value(Metric metric) {
        return Fields.number(json, metric.path());
    }

    /**
     * Steal from this share of a side's CPU time up is named beside the flags: the process pinned there stalled
     * that often, unseen in its own CPU time. A VM shows some steal in most runs; below this it is noise.
     */
    public static final double STEAL_NOTED_PCT = 2.0;

    public RunStatus status() {
        if (Fields.flag(json, "flags", "failed")) {
            return RunStatus.FAILED;
        }
        return flags().isEmpty() ? RunStatus.GOOD : RunStatus.FLAGGED;
    }

    /**
     * The raised flags by their result-format names: {@code client_bound}, {@code rate_missed},
     * {@code latency_incomplete}.
     */
    public List<String> flags() {
        List<String> raised = new ArrayList<>();
        for (String flag : List.of("client_bound", "rate_missed", "latency_incomplete")) {
            if (Fields.flag(json, "flags", flag)) {
                raised.add(flag);
            }
        }
        return raised;
    }

    /** Why the run failed, in one line; a placeholder when the writer gave no reason. */
    public String failureReason() {
        String reason = Fields.text(json, "flags", "reason");
        return reason == null || reason.isBlank() ? "no reason recorded" : reason;
    }

    /**
     * The flags column: {@code FAILED: reason}, the raised flags, or empty for a good run; then what the hypervisor
     * stole from either side's CPUs, where that reached {@link #STEAL_NOTED_PCT}.
     */
    public String statusText() {
        String status = switch (status()) {
            case FAILED -> "FAILED: " + failureReason();
            case FLAGGED -> String.join(", ", flags());
            case GOOD -> "";
        };
        String steal = stealNote();
        return steal == null ? status : status.isEmpty() ? steal : status + "; " + steal;
    }

    /** What the hypervisor stole from the sides whose steal reached {@link #STEAL_NOTED_PCT}; null for none. */
    public String stealNote() {
        List<String> stolen = new ArrayList<>();
        for (String side : List.of("server", "client")) {
            Double percent = Fields.number(json, side, "cpu_steal_pct");
            if (percent != null && percent >= STEAL_NOTED_PCT) {
                stolen.add(String.format(Locale.ROOT, "%.1f%% of the %s's", percent, side));
            }
        }
        return stolen.isEmpty() ? null : "the hypervisor stole " + String.join(" and ", stolen) + " CPU time";
    }

    /** Client-side errors of every kind, summed; null when the run recorded none at all. */
    public Long errorCount() {
        JsonNode errors = json.path("errors");
        if (!errors.isObject()) {
            return null;
        }
        long total = 0;
        for (Map.Entry<String, JsonNode> error : errors.properties()) {
            total += error.getValue().asLong(0);
        }
        return total;
    }

    /** The errors column: {@code 0}, or the total with its non-zero kinds, {@code 12 (io 10, timeout 2)}. */
    public String errorText() {
        Long total = errorCount();
        if (total == null) {
            return NumberText.MISSING;
        }
        List<String> kinds = new ArrayList<>();
        for (Map.Entry<String, JsonNode> error : json.path("errors").properties()) {
            if (error.getValue().asLong(0) != 0) {
                kinds.add(error.getKey() + " " + NumberText.format(error.getValue().asLong(), true));
            }
        }
        String text = NumberText.format(total, true);
        return kinds.isEmpty() ? text : text + " (" + String.join(", ", kinds) + ")";
    }

    /**
     * The run's {@code .hgrm} file, uncorrected or corrected; empty when the run has none (corrected in closed loop).
     * A result without a {@code files} section is taken to use the standard names.
     */
    public Optional<Path> hgrm(boolean corrected) {
        String field = corrected ? "corrected_hgrm" : "uncorrected_hgrm";
        JsonNode files = json.path("files");
        if (files.isObject()) {
            return Optional.ofNullable(Fields.text(files, field)).map(dir::resolve);
        }
        Path standard = dir.resolve(corrected ? "corrected.hgrm" : "uncorrected.hgrm");
        return Files.exists(standard) ? Optional.of(standard) : Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
