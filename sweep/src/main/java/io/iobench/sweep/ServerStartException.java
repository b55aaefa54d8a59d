package io.iobench.sweep;

import java.io.IOException;
import java.util.List;

/** The server process did not become ready: it exited, hung, or printed no READY line in time. */
public final class ServerStartException extends IOException {

    private final List<String> lastOutputLines;

    public ServerStartException(String reason, List<String> lastOutputLines) {
        super(reason);
        this.lastOutputLines = List.copyOf(lastOutputLines);
    }

    /** @return the last lines the server printed, to show the user why it failed */
    public List<String> lastOutputLines() {
        return lastOutputLines;
    }
}
