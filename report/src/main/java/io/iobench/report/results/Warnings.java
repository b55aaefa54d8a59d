package io.iobench.report.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The warnings of one report, in the order they were found. */
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
