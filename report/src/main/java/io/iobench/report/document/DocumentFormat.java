package io.iobench.report.document;

import java.io.IOException;
import java.nio.file.Path;

/** A way of printing a {@link Document} to a file: HTML for reading, Markdown for pasting. */
public interface DocumentFormat {

    /**
     * Writes the document atomically: {@code file} is the earlier one or the whole new one, never half of one.
     * Paths in {@link Block.Figure}s are relative to {@code file}'s directory.
     *
     * @throws IOException naming {@code file} when it could not be written
     */
    void write(Document document, Path file) throws IOException;
}
