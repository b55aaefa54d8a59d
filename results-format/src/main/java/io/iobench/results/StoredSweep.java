package io.iobench.results;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A sweep directory as read: its manifest (empty when there was none or it could not be read), the runs that could
 * be read, in directory order, the run directories whose result could not, and the warnings about every file that
 * could not be used.
 *
 * @param dir        the directory as the user named it
 * @param manifest   {@code manifest.json}
 * @param runs       readable runs
 * @param unreadable run directories left out, in directory order, each with its warning
 * @param warnings   files that could not be used, and why
 */
public record StoredSweep(Path dir, Optional<SweepManifest> manifest, List<StoredRun> runs,
                          List<UnreadableRun> unreadable, List<Warning> warnings) {

    public StoredSweep {
        runs = List.copyOf(runs);
        unreadable = List.copyOf(unreadable);
        warnings = List.copyOf(warnings);
    }

    /** The sweep's environment: the manifest's, else the first run's; null when neither recorded one. */
    public RunResult.Environment environment() {
        RunResult.Environment recorded = manifest.map(SweepManifest::environment).orElse(null);
        if (recorded != null || runs.isEmpty()) {
            return recorded;
        }
        return runs.getFirst().result().environment();
    }

    /** How far the sweep got; {@code UNKNOWN} without a manifest. */
    public SweepManifest.Status status() {
        return manifest.map(SweepManifest::status).orElse(SweepManifest.Status.UNKNOWN);
    }

    /** The manifest's label, else the directory's name. */
    public String label() {
        return manifest.map(SweepManifest::label)
                .orElse(String.valueOf(dir.toAbsolutePath().normalize().getFileName()));
    }

    /** The models of the plan in plan order; empty without a manifest. */
    public List<String> plannedModels() {
        return manifest.map(m -> m.plan() == null ? List.<String>of() : m.plan().models()).orElse(List.of());
    }
}
