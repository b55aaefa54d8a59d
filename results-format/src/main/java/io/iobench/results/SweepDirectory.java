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
 * sweep.beginRound(1, List.of(point));         // with repetitions: each round's order, as it begins
 * sweep.commit(repetition, scratch, result);    // renamed into runs/id, a row, a manifest entry
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
     * Publishes a finished run of a point run once: its scratch directory renamed into {@code runs/<id>}, a summary
     * row, a manifest entry. {@code result} must be what the scratch directory's {@code result.json} holds.
     *
     * @return the run's directory, {@code runs/<id>}
     */
    public Path commit(String id, Path scratch, RunResult result) throws IOException {
        return commit(Repetition.single(id), scratch, result);
    }

    /**
     * Publishes a finished repetition: its scratch directory renamed into {@code runs/<id>}, a summary row, a
     * manifest entry, listed under its point. {@code result} must be what the scratch directory's
     * {@code result.json} holds.
     *
     * @return the run's directory, {@code runs/<id>}
     */
    public Path commit(Repetition repetition, Path scratch, RunResult result) throws IOException {
        String id = repetition.id();
        Path published = dir.resolve(RUNS).resolve(id);
        Files.move(scratch, published, StandardCopyOption.ATOMIC_MOVE);
        RunResult.RunFlags flags = result.flags();
        manifest = manifest.withRun(new SweepManifest.RunEntry(id, RUNS + "/" + id, flags.failed(), flags.reason(),
                        repetition.point(), repetition.round(), repetition.repetition(), repetition.noisy(),
                        repetition.rerunOf()), result.environment(), result.point().model());
        rows.add(SummaryCsv.row(id, result));
        writeSummary();
        writeManifest();
        return published;
    }

    /** Records a round begun: its number, from 1, and the points it visits in that order. */
    public void beginRound(int number, List<String> points) throws IOException {
        manifest = manifest.withRound(new SweepManifest.Round(number, points));
        writeManifest();
    }

    /**
     * Records whether {@code point}'s median msgs/s has come within {@code --until-ci}, and how far its interval
     * reaches ({@code ciPct}, null when there is none yet); the point must have a committed run.
     */
    public void converged(String point, boolean converged, Double ciPct) throws IOException {
        manifest = manifest.withConvergence(point, converged, ciPct);
        writeManifest();
    }

    /**
     * One run of a point, as the manifest lists it ({@link SweepManifest.RunEntry} has each field's meaning).
     *
     * @param id         the run's directory name
     * @param point      the point it repeats
     * @param round      its round, from 1
     * @param repetition its number among the point's runs, from 1
     * @param noisy      why it is noisy; null for a clean run
     * @param rerunOf    the noisy run it repeats; null for a run in its round's own order
     */
    public record Repetition(String id, String point, int round, int repetition, String noisy, String rerunOf) {

        /** The one run of a point run once, under the point's own name. */
        public static Repetition single(String id) {
            return new Repetition(id, id, 1, 1, null, null);
        }
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
