package io.iobench.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The output of one process on another host, as its ssh session hands it over line by line: copied into a log
 * here, echoed to the sweep's log when asked, and kept with each line's arrival time, so that the sweep can wait
 * for a line (READY, ARMED, GO) and tell when it came.
 */
final class RemoteOutput implements java.util.function.Consumer<String>, AutoCloseable {

    /** A line and when it arrived here, epoch milliseconds. */
    record Line(String text, double arrivedMs) {
    }

    private final Writer log;
    private final PrintStream echo;
    private final String echoPrefix;
    private final List<Line> lines = new ArrayList<>();
    private boolean closed;

    private RemoteOutput(Writer log, PrintStream echo, String echoPrefix) {
        this.log = log;
        this.echo = echo;
        this.echoPrefix = echoPrefix;
    }

    /** Output logged to {@code logFile} only. */
    static RemoteOutput logged(Path logFile) throws IOException {
        return echoed(logFile, null, "");
    }

    /** Output logged to {@code logFile} and echoed to {@code echo}, each line after {@code prefix}. */
    static RemoteOutput echoed(Path logFile, PrintStream echo, String prefix) throws IOException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        return new RemoteOutput(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), echo, prefix);
    }

    @Override
    public synchronized void accept(String line) {
        lines.add(new Line(line, nowMs()));
        notifyAll();
        if (echo != null) {
            echo.println(echoPrefix + line);
        }
        if (!closed) {
            try {
                log.write(line);
                log.write('\n');
                log.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Waits up to {@code timeout} for the first line that {@code reading} makes something of, and returns that;
     * empty when the time passed or {@code alive} said the process is gone first.
     */
    synchronized <T> Optional<T> await(Function<Line, Optional<T>> reading, Duration timeout,
                                       java.util.function.BooleanSupplier alive) throws InterruptedException {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (true) {
            for (; seen < lines.size(); seen++) {
                Optional<T> found = reading.apply(lines.get(seen));
                if (found.isPresent()) {
                    return found;
                }
            }
            long leftNs = deadlineNs - System.nanoTime();
            if (leftNs <= 0 || !alive.getAsBoolean()) {
                return Optional.empty();
            }
            // Woken by each new line; a process that dies quietly is noticed within 100 ms.
            wait(Math.max(1, Math.min(100, leftNs / 1_000_000)));
        }
    }

    /** Waits for a line equal to {@code text}; true when it came. */
    boolean awaitLine(String text, Duration timeout, java.util.function.BooleanSupplier alive)
            throws InterruptedException {
        return await(line -> line.text().strip().equals(text) ? Optional.of(line) : Optional.empty(), timeout, alive)
                .isPresent();
    }

    /** The last line, or "" before any. */
    synchronized String lastLine() {
        return lines.isEmpty() ? "" : lines.getLast().text();
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        log.close();
    }

    static double nowMs() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1e3 + now.getNano() / 1e6;
    }
}
