package io.iobench.report.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads a sweep directory: {@code manifest.json} and every {@code runs/<id>/result.json}. The runs' own files are
 * the source of truth; {@code summary.csv} is a convenience for spreadsheets and is not read. A directory holding a
 * {@code result.json} itself (one {@code iobench load --out} run) reads as a sweep of that one run.
 *
 * <pre>
 * Sweep sweep = new SweepReader().read(Path.of("results/20261127-024000-baseline"));
 * sweep.warnings().forEach(System.err::println);
 * </pre>
 */
public final class SweepReader {

    /** The schema this reader was written for; others are read as far as their fields match. */
    public static final String RUN_SCHEMA = "iobench-run/1";

    private final JsonFiles json = new JsonFiles();

    /**
     * @param dir a sweep directory or a single run's directory
     * @return what could be read; never throws for a damaged file, which becomes a warning instead
     * @throws IOException when the directory itself cannot be listed
     */
    public Sweep read(Path dir) throws IOException {
        Warnings warnings = new Warnings();
        JsonNode manifest = readManifest(dir, warnings);
        List<Run> runs = new ArrayList<>();
        for (Path runDir : runDirs(dir)) {
            readRun(runDir, warnings).ifPresent(runs::add);
        }
        checkListedRuns(dir, manifest, runs, warnings);
        return new Sweep(dir, manifest, runs, models(manifest, runs), warnings.all());
    }

    private JsonNode readManifest(Path dir, Warnings warnings) {
        Path file = dir.resolve("manifest.json");
        if (!Files.exists(file)) {
            if (Files.isDirectory(dir.resolve("runs"))) {
                warnings.add(file, "missing; the sweep's status, command and plan are unknown");
            }
            return MissingNode.getInstance();
        }
        return parse(file, warnings, "status, command and plan left out").orElse(MissingNode.getInstance());
    }

    private static List<Path> runDirs(Path dir) throws IOException {
        Path runs = dir.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return Files.exists(dir.resolve("result.json")) ? List.of(dir) : List.of();
        }
        try (Stream<Path> children = Files.list(runs)) {
            return children.filter(Files::isDirectory).sorted().toList();
        }
    }

    private Optional<Run> readRun(Path runDir, Warnings warnings) {
        Path file = runDir.resolve("result.json");
        if (!Files.exists(file)) {
            warnings.add(runDir, "no result.json (a run that did not finish writing?); left out");
            return Optional.empty();
        }
        return parse(file, warnings, "run left out").flatMap(result -> {
            String schema = Fields.text(result, "schema");
            if (schema != null && !schema.equals(RUN_SCHEMA)) {
                warnings.add(file, "schema is " + schema + ", expected " + RUN_SCHEMA
                        + "; read as far as fields match");
            }
            try {
                return Optional.of(Run.of(runDir.getFileName().toString(), runDir, result));
            } catch (IllegalArgumentException e) {
                warnings.add(file, e.getMessage() + "; run left out");
                return Optional.empty();
            }
        });
    }

    /** Parses a JSON object, or warns with the parser's reason and where it stopped. */
    private Optional<JsonNode> parse(Path file, Warnings warnings, String consequence) {
        return json.read(file, warnings, consequence).filter(node -> {
            if (!node.isObject()) {
                warnings.add(file, "not a JSON object; " + consequence);
            }
            return node.isObject();
        });
    }

    private static void checkListedRuns(Path dir, JsonNode manifest, List<Run> runs, Warnings warnings) {
        Set<String> read = new TreeSet<>(runs.stream().map(Run::id).toList());
        for (JsonNode listed : manifest.path("runs")) {
            String id = Fields.text(listed, "id");
            String runDir = Fields.text(listed, "dir");
            if (id != null && runDir != null && !read.contains(id) && !Files.isDirectory(dir.resolve(runDir))) {
                warnings.add(dir.resolve(runDir), "listed in manifest.json but missing; left out");
            }
        }
    }

    private static List<String> models(JsonNode manifest, List<Run> runs) {
        Set<String> models = new LinkedHashSet<>();
        manifest.path("plan").path("models").forEach(model -> models.add(model.asText()));
        models.addAll(new TreeSet<>(runs.stream().map(run -> run.key().model()).toList()));
        return List.copyOf(models);
    }
}
