package io.iobench.sweep;

import io.iobench.server.ServerLauncher;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a server's READY line says, wherever the server runs: where it listens, its pid, and the IO or worker
 * threads it runs.
 *
 * @param port      the port it listens on
 * @param pid       its process id on its own host
 * @param ioThreads its IO or worker threads; 0 for a thread per connection
 */
record ReadyLine(int port, long pid, int ioThreads) {

    private static final Pattern LINE =
            Pattern.compile(ServerLauncher.READY + " model=(\\S+) port=(\\d+) pid=(\\d+) threads=(\\d+)");

    /** The line read, or empty when it is not a READY line. */
    static Optional<ReadyLine> parse(String line) {
        Matcher m = LINE.matcher(line);
        return m.matches() ? Optional.of(new ReadyLine(Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)),
                Integer.parseInt(m.group(4)))) : Optional.empty();
    }
}
