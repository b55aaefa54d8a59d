package io.iobench.results;

import java.nio.file.Path;

/**
 * A run directory of a sweep whose result could not be used: no {@code result.json}, a damaged one, or one holding
 * values no run produces. A report lists it where the runs are, as it lists a failed run, with the reason.
 *
 * @param id     the run's directory name, e.g. {@code selector-c100-s64}
 * @param dir    the run's directory
 * @param reason the warning that left it out: the file, and what is wrong with it
 */
public record UnreadableRun(String id, Path dir, Warning reason) {
}
