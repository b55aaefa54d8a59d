package io.iobench.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A sweep's directory: {@code manifest.json}, {@code summary.csv} and {@code runs/<id>/}. Every file is replaced
 * atomically (written beside, then renamed), so an interrupted sweep leaves only whole files: every finished run,
 * a summary row for each, and a manifest saying how far it got. A directory is created new and never reused.
 */
final class ResultsDirectory {

    static final String MANIFEST = "manifest.json";
    static final String SUMMARY = "summary.csv";
    static final String RUNS = "runs";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final ObjectNode manifest;
    private final StringBuilder summary = new StringBuilder(SummaryRow.HEADER).append('\n');

    private ResultsDirectory(Path dir, ObjectNode manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    /**
     * Creates {@code out}, or {@code <root>/<timestamp>-<label>} when {@code out} is null. Refuses an existing
     * directory: earlier results are never overwritten.
     */
    static ResultsDirectory create(Path out, Path root, String label, Instant now, List<String> command,
                                   SweepPlan plan) throws IOException {
        Path dir = out != null ? out : root.resolve(STAMP.format(now) + "-" + label);
        if (Files.exists(dir) && (!Files.isDirectory(dir) || hasEntries(dir))) {
            throw new FileAlreadyExistsException(dir + " exists: results are never overwritten; choose another --out");
        }
        Files.createDirectories(dir.resolve(RUNS));
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("schema", "iobench-sweep/1");
        manifest.put("label", label);
        manifest.put("status", "running");
        manifest.put("started_at", now.toString());
        manifest.putNull("finished_at");
        ArrayNode cmd = manifest.putArray("command");
        command.forEach(cmd::add);
        manifest.set("plan", planJson(plan));
        manifest.putNull("environment");
        manifest.putArray("runs");
        ResultsDirectory results = new ResultsDirectory(dir, manifest);
        results.writeManifest();
        results.writeSummary();
        return results;
    }

    Path path() {
        return dir;
    }

    /** A fresh scratch directory for a run in progress; hidden, so readers skip it if the sweep dies. */
    Path scratchFor(SweepPoint point) throws IOException {
        Path scratch = dir.resolve(RUNS).resolve(".partial-" + point.id());
        if (Files.exists(scratch)) {
            deleteTree(scratch);
        }
        return Files.createDirectories(scratch);
    }

    /** Publishes a finished run: its directory renamed into place, a summary row, a manifest entry. */
    void commit(SweepPoint point, Path scratch, JsonNode result) throws IOException {
        Path target = dir.resolve(RUNS).resolve(point.id());
        Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
        if (manifest.get("environment").isNull() && result.hasNonNull("environment")) {
            manifest.set("environment", sweepEnvironment(result.get("environment"), point.model()));
        }
        JsonNode flags = result.path("flags");
        ObjectNode entry = ((ArrayNode) manifest.get("runs")).addObject();
        entry.put("id", point.id());
        entry.put("dir", RUNS + "/" + point.id());
        entry.put("failed", flags.path("failed").asBoolean(false));
        entry.set("reason", flags.path("reason").isMissingNode() ? null : flags.get("reason"));
        summary.append(SummaryRow.of(point.id(), result)).append('\n');
        writeSummary();
        writeManifest();
    }

    /**
     * The environment of a sweep, taken from its first run: the same but for the server command, which names that
     * run's model; the sweep's own shows {@code <model>} there. Each run's result keeps its exact command.
     */
    static JsonNode sweepEnvironment(JsonNode runEnvironment, String model) {
        ObjectNode environment = runEnvironment.deepCopy();
        JsonNode command = environment.get("server_command");
        if (command != null && command.isTextual()) {
            environment.put("server_command", command.asText().replace("--model " + model + " ", "--model <model> "));
        }
        return environment;
    }

    /** Drops a run that was interrupted before it finished: it has no result to show. */
    void discard(Path scratch) throws IOException {
        deleteTree(scratch);
    }

    void finish(String status, Instant now) throws IOException {
        manifest.put("status", status);
        manifest.put("finished_at", now.toString());
        writeManifest();
    }

    private void writeManifest() throws IOException {
        writeAtomically(dir.resolve(MANIFEST), JSON.writeValueAsString(manifest) + "\n");
    }

    private void writeSummary() throws IOException {
        writeAtomically(dir.resolve(SUMMARY), summary.toString());
    }

    /** Writes beside the target and renames over it, so a reader never sees half a file. */
    static void writeAtomically(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static ObjectNode planJson(SweepPlan plan) {
        ObjectNode p = JSON.createObjectNode();
        p.set("models", JSON.valueToTree(plan.models()));
        p.set("connections", JSON.valueToTree(plan.connections()));
        p.set("idle_connections", JSON.valueToTree(plan.idleConnections()));
        p.set("sizes", JSON.valueToTree(plan.sizesBytes()));
        p.set("rates_msgs_per_s", JSON.valueToTree(plan.ratesMsgsPerS()));
        p.put("closed_loop", plan.closedLoop());
        p.put("pipeline", plan.pipeline());
        p.put("warmup_s", plan.warmup().toMillis() / 1000.0);
        p.put("duration_s", plan.duration().toMillis() / 1000.0);
        p.put("idle_window_s", plan.idleWindow().toMillis() / 1000.0);
        p.put("server_threads", plan.serverThreads());
        p.set("server_jvm_options", JSON.valueToTree(plan.serverJvmOptions()));
        p.set("client_jvm_options", JSON.valueToTree(plan.clientJvmOptions()));
        p.put("server_cpus", plan.pinning().serverCpus().orElse(null));
        p.put("client_cpus", plan.pinning().clientCpus().orElse(null));
        return p;
    }

    private static boolean hasEntries(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
