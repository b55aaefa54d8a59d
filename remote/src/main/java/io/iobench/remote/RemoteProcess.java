package io.iobench.remote;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A long-running remote command, seen through the local ssh that runs it: its output lines go to a consumer on a
 * reader thread, its stdin is a pipe, and {@link #close()} kills the local ssh, after which the remote side sees
 * end of file on its stdin.
 */
public final class RemoteProcess implements AutoCloseable {

    /** How many of the last output lines are kept for a diagnosis. */
    static final int KEPT_LINES = 40;
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final SshTarget target;
    private final Process process;
    private final Writer stdin;
    private final ArrayDeque<String> last = new ArrayDeque<>();
    private final Thread reader;

    RemoteProcess(SshTarget target, Process process, Consumer<String> lines) {
        this.target = target;
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.reader = Thread.ofPlatform().daemon().name("ssh-" + target).start(() -> read(lines));
    }

    private void read(Consumer<String> lines) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (last) {
                    if (last.size() == KEPT_LINES) {
                        last.removeFirst();
                    }
                    last.addLast(line);
                }
                lines.accept(line);
            }
        } catch (IOException closed) {
            // ssh is gone; its exit code says how.
        }
    }

    /** The host the command runs on. */
    public SshTarget target() {
        return target;
    }

    /** Writes {@code line} and a newline to the command's stdin, flushed. */
    public void send(String line) throws IOException {
        synchronized (stdin) {
            stdin.write(line + "\n");
            stdin.flush();
        }
    }

    /** Closes the command's stdin: it reads end of file. */
    public void closeStdin() {
        synchronized (stdin) {
            try {
                stdin.close();
            } catch (IOException e) {
                // Already closed by the process's end.
            }
        }
    }

    /** Whether the local ssh still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits for the local ssh to end.
     *
     * @return its exit code (the remote command's, or 255 when ssh failed), or -1 when the timeout passed first
     */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return -1;
        }
        // The lines are all delivered before the exit code is: a caller may judge by both.
        reader.join(KILL_WAIT);
        return process.exitValue();
    }

    /** The last {@value #KEPT_LINES} lines of output, oldest first. */
    public List<String> lastLines() {
        synchronized (last) {
            return List.copyOf(last);
        }
    }

    /** Kills the local ssh if it still runs (the remote side then sees end of file on stdin), waiting a little. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        closeStdin();
    }
}
