package io.iobench.results;

import java.nio.file.Path;

/**
 * A file that could not be used, and why, in one line for a human: the report prints it on stderr and shows it at the
 * top of the page, and goes on with the rest.
 *
 * @param file    the file, as the user's directory argument spells it
 * @param message what was wrong with it and what was left out because of it
 */
public record Warning(Path file, String message) {

    @Override
    public String toString() {
        return file + ": " + message;
    }
}
