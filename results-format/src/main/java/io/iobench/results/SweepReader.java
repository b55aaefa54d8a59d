package io.iobench.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads a sweep directory that {@link SweepDirectory} wrote: {@code manifest.json} and every
 * {@code runs/<id>/result.json}. The runs' own files are the source of truth; {@code summary.csv} is a convenience
 * for spreadsheets and is not read. A directory holding a {@code result.json} itself (one {@code iobench load --out}
 * run) reads as a sweep of that one run. Nothing here stops at a damaged file: it becomes a {@link Warning} naming
 * the file (and the field, for a value no run produces), a run directory without a usable result is kept as an
 * {@link UnreadableRun}, and the rest is still read.
 *
 * <pre>
 * StoredSweep sweep = SweepReader.read(Path.of("results/20261127-024000-bench"));
 * sweep.warnings().forEach(System.err::println);
 * </pre>
 */
public final class SweepReader {

    private SweepReader() {
    }

    /**
     * @param dir a sweep directory or a single run's directory
     * @return what could be read; never throws for a damaged file, which becomes a warning instead
     * @throws IOException when the directory itself cannot be listed
     */
    public static StoredSweep read(Path dir) throws IOException {
        Warnings warnings = new Warnings();
        Optional<SweepManifest> manifest = readManifest(dir, warnings);
        List<StoredRun> runs = new ArrayList<>();
        List<UnreadableRun> unreadable = new ArrayList<>();
        for (Path runDir : runDirs(dir)) {
            String id = runDir.getFileName().toString();
            Warnings about = new Warnings();
            Optional<RunResult> result = readRun(runDir, about);
            warnings.addAll(about.all());
            result.ifPresentOrElse(r -> runs.add(new StoredRun(id, runDir, r)),
                    () -> unreadable.add(new UnreadableRun(id, runDir, about.all().getLast())));
        }
        manifest.ifPresent(m -> checkListedRuns(dir, m, runs, warnings));
        return new StoredSweep(dir, manifest, runs, unreadable, warnings.all());
    }

    private static Optional<SweepManifest> readManifest(Path dir, Warnings warnings) {
        Path file = dir.resolve(SweepDirectory.MANIFEST);
        if (!Files.exists(file)) {
            if (Files.isDirectory(dir.resolve(SweepDirectory.RUNS))) {
                warnings.add(file, "missing; the sweep's status, command and plan are unknown");
            }
            return Optional.empty();
        }
        return JsonFormat.read(file, SweepManifest.class, warnings, "status, command and plan left out");
    }

    private static List<Path> runDirs(Path dir) throws IOException {
        Path runs = dir.resolve(SweepDirectory.RUNS);
        if (!Files.isDirectory(runs)) {
            return Files.exists(dir.resolve(RunFiles.RESULT_JSON)) ? List.of(dir) : List.of();
        }
        try (Stream<Path> children = Files.list(runs)) {
            return children.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith(SweepDirectory.PARTIAL_PREFIX))
                    .sorted().toList();
        }
    }

    /** The run's result; empty, after a warning saying why, when there is none to use. */
    private static Optional<RunResult> readRun(Path runDir, Warnings warnings) {
        Path file = runDir.resolve(RunFiles.RESULT_JSON);
        if (!Files.exists(file)) {
            warnings.add(runDir, "no result.json (a run that did not finish writing?); left out");
            return Optional.empty();
        }
        return RunResultFile.read(file, warnings);
    }

    private static void checkListedRuns(Path dir, SweepManifest manifest, List<StoredRun> runs, Warnings warnings) {
        Set<String> read = new TreeSet<>(runs.stream().map(StoredRun::id).toList());
        for (SweepManifest.RunEntry listed : manifest.runs()) {
            if (listed.id() != null && listed.dir() != null && !read.contains(listed.id())
                    && !Files.isDirectory(dir.resolve(listed.dir()))) {
                warnings.add(dir.resolve(listed.dir()), "listed in manifest.json but missing; left out");
            }
        }
    }
}
