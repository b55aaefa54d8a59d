package io.iobench.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What could not be read, in the order it was found: one {@link Warning} per file. */
public final class Warnings {

    private final List<Warning> warnings = new ArrayList<>();

    public void add(Path file, String message) {
        warnings.add(new Warning(file, message));
    }

    public void addAll(List<Warning> more) {
        warnings.addAll(more);
    }

    public List<Warning> all() {
        return List.copyOf(warnings);
    }
}
