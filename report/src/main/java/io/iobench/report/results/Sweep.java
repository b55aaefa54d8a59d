package io.iobench.report.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * A sweep directory as read: its manifest (a missing node when there was none), the runs that could be read, and the
 * warnings about those that could not.
 *
 * @param dir      the directory as the user named it
 * @param manifest {@code manifest.json}, or a missing node
 * @param runs     readable runs; kept in report order: slice, connections, then model in plan order
 * @param models   model labels in plan order, then any others found in runs, alphabetically
 * @param warnings files that could not be used
 */
public record Sweep(Path dir, JsonNode manifest, List<Run> runs, List<String> models, List<Warning> warnings) {

    public Sweep {
        models = List.copyOf(models);
        runs = runs.stream().sorted(order(models)).toList();
        warnings = List.copyOf(warnings);
    }

    /** The run order of every table: by slice, then connections, then model in plan order. */
    private static Comparator<Run> order(List<String> models) {
        return Comparator.comparing((Run run) -> run.key().slice())
                .thenComparingInt(run -> run.key().connections())
                .thenComparingInt(run -> indexOf(models, run.key().model()));
    }

    /** A model's position in {@link #models()}, which fixes its colour and marker in every chart. */
    public int modelIndex(String model) {
        return indexOf(models, model);
    }

    private static int indexOf(List<String> models, String model) {
        int index = models.indexOf(model);
        return index < 0 ? models.size() : index;
    }

    /** The slices present, in order. */
    public List<Slice> slices() {
        return List.copyOf(new TreeSet<>(runs.stream().map(run -> run.key().slice()).toList()));
    }

    /** The sweep's environment: the manifest's, else the first run's, else a missing node. */
    public JsonNode environment() {
        JsonNode fromManifest = manifest.path("environment");
        if (fromManifest.isObject() || runs.isEmpty()) {
            return fromManifest;
        }
        return runs.getFirst().json().path("environment");
    }

    /** {@code complete}, {@code interrupted}, {@code running}, or {@code unknown} without a manifest. */
    public String status() {
        String status = Fields.text(manifest, "status");
        return status == null ? "unknown" : status;
    }

    /** The manifest's label, else the directory's name. */
    public String label() {
        String label = Fields.text(manifest, "label");
        return label == null ? String.valueOf(dir.toAbsolutePath().normalize().getFileName()) : label;
    }
}
