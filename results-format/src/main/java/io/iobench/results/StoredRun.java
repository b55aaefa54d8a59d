package io.iobench.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One run as a sweep directory holds it: its directory and the {@link RunResult} read from its
 * {@code result.json}.
 *
 * @param id     the run's directory name, e.g. {@code selector-c100-s64}
 * @param dir    the run's directory
 * @param result what {@code result.json} says
 */
public record StoredRun(String id, Path dir, RunResult result) {

    /**
     * The run's {@code .hgrm} file, uncorrected or corrected; empty when the run has none (corrected in closed
     * loop, either for a run that failed). A result without a {@code files} part is taken to use the standard names.
     */
    public Optional<Path> hgrm(boolean corrected) {
        RunResult.Files files = result.files();
        if (files != null) {
            return Optional.ofNullable(corrected ? files.correctedHgrm() : files.uncorrectedHgrm()).map(dir::resolve);
        }
        Path standard = dir.resolve(corrected ? RunFiles.CORRECTED_HGRM : RunFiles.UNCORRECTED_HGRM);
        return Files.exists(standard) ? Optional.of(standard) : Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
