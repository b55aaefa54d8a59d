package io.iobench.results;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that cannot be read as what it should be: empty, truncated, corrupt, of another schema, or holding values
 * no measurement produces. The message is one line, {@code file: problem}, as a warning would show it.
 */
public final class ResultFormatException extends IOException {

    private final transient Path file;
    private final String problem;

    /**
     * @param file    the file, as the caller spelled it
     * @param problem what is wrong with it, naming the field where one is to blame:
     *                {@code throughput.msgs_per_s is -78533, must be >= 0}
     */
    public ResultFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }

    /** What is wrong with it, without the file's name. */
    public String problem() {
        return problem;
    }
}
