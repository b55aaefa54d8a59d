package io.iobench.client.engine;

import java.io.IOException;

/** An echo differed from the message sent: the server under test corrupted, lost or reordered bytes. */
public final class EchoMismatchException extends IOException {

    /** @param message one line saying on which connection and how the echo differed */
    public EchoMismatchException(String message) {
        super(message);
    }
}
