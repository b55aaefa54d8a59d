package io.iobench.results;

import java.io.IOException;

/** A result file that cannot be read as a result: truncated, corrupt, or of another schema. */
public final class ResultFormatException extends IOException {

    public ResultFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
