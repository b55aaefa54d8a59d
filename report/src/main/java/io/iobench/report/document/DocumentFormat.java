package io.iobench.report.document;

import java.io.IOException;
import java.nio.file.Path;

/** A way of printing a {@link Document} to a file: HTML for reading, Markdown for pasting. */
public interface DocumentFormat {

    /**
     * Writes the document. Paths in {@link Block.Figure}s are relative to {@code file}'s directory.
     */
    void write(Document document, Path file) throws IOException;
}
