package io.iobench.results;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A sweep's directory as it is written: {@code manifest.json} ({@link SweepManifest}), {@code summary.csv}
 * ({@link SummaryCsv}) and {@code runs/<id>/} (each run's {@link RunFiles}). Every file is replaced atomically, so
 * an interrupted sweep leaves only whole files: every finished run, a summary row for each, and a manifest saying
 * how far it got. A directory is created new and never reused. {@link SweepReader} reads what this writes.
 *
 * <pre>
 * SweepDirectory sweep = SweepDirectory.create(out, root, "bench", now, command, plan);
 * Path scratch = sweep.scratchFor(id);          // the run writes its files here
 * sweep.commit(id, scratch, result);            // renamed into runs/id, a row, a manifest entry
 * sweep.finish(SweepManifest.Status.COMPLETE, Instant.now());
 * </pre>
 */
public final class SweepDirectory {

    /** The manifest's name in a sweep directory. */
    public static final String MANIFEST = "manifest.json";
    /** The summary's name in a sweep directory. */
    public static final String SUMMARY = "summary.csv";
    /** The directory of the runs, one directory each. */
    public static final String RUNS = "runs";
    /** A run in progress writes into {@code runs/.partial-<id>}: hidden, so readers skip it if the sweep dies. */
    static final String PARTIAL_PREFIX = ".partial-";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final List<String> rows = new ArrayList<>();
    private SweepManifest manifest;

    private SweepDirectory(Path dir, SweepManifest manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    /**
     * Creates {@code out}, or {@code <root>/<timestamp>-<label>} when {@code out} is null, with a manifest saying
     * the sweep is running and a summary with only its header.
     *
     * @throws FileAlreadyExistsException when the directory exists and holds anything: results are never
     *         overwritten
     */
    public static SweepDirectory create(Path out, Path root, String label, Instant now, List<String> command,
                                        SweepManifest.Plan plan) throws IOException {
        Path dir = out != null ? out : root.resolve(STAMP.format(now) + "-" + label);
        if (Files.exists(dir) && (!Files.isDirectory(dir) || hasEntries(dir))) {
            throw new FileAlreadyExistsException(dir.toString(), null,
                    "exists: results are never overwritten; choose another --out");
        }
        Files.createDirectories(dir.resolve(RUNS));
        SweepDirectory sweep = new SweepDirectory(dir, SweepManifest.started(label, now.toString(), command, plan));
        sweep.writeManifest();
        sweep.writeSummary();
        return sweep;
    }

    public Path path() {
        return dir;
    }

    /** What the manifest says now. */
    public SweepManifest manifest() {
        return manifest;
    }

    /** A fresh scratch directory for run {@code id} in progress. */
    public Path scratchFor(String id) throws IOException {
        Path scratch = dir.resolve(RUNS).resolve(PARTIAL_PREFIX + id);
        deleteTree(scratch);
        return Files.createDirectories(scratch);
    }

    /**
     * Publishes a finished run: its scratch directory renamed into {@code runs/<id>}, a summary row, a manifest
     * entry. {@code result} must be what the scratch directory's {@code result.json} holds.
     *
     * @return the run's directory, {@code runs/<id>}
     */
    public Path commit(String id, Path scratch, RunResult result) throws IOException {
        Path published = dir.resolve(RUNS).resolve(id);
        Files.move(scratch, published, StandardCopyOption.ATOMIC_MOVE);
        RunResult.RunFlags flags = result.flags();
        manifest = manifest.withRun(new SweepManifest.RunEntry(id, RUNS + "/" + id, flags.failed(), flags.reason()),
                result.environment(), result.point().model());
        rows.add(SummaryCsv.row(id, result));
        writeSummary();
        writeManifest();
        return published;
    }

    /** Drops a run interrupted before it finished: it has no result to show. */
    public void discard(Path scratch) throws IOException {
        deleteTree(scratch);
    }

    /** Records how the sweep ended. */
    public void finish(SweepManifest.Status status, Instant now) throws IOException {
        manifest = manifest.finished(status, now.toString());
        writeManifest();
    }

    private void writeManifest() throws IOException {
        JsonFormat.write(manifest, dir.resolve(MANIFEST));
    }

    private void writeSummary() throws IOException {
        AtomicFile.writeText(dir.resolve(SUMMARY), SummaryCsv.text(rows));
    }

    private static boolean hasEntries(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
