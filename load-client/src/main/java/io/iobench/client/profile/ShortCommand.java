package io.iobench.client.profile;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A helper command a profiler runs to its end ({@code jcmd}, {@code mkfifo}, {@code kill}, {@code perf list}), within
 * a time limit: its output, stdout and stderr together, is kept in a file beside nothing else, read at its end. One
 * that does not end in time is killed and reported as such, never waited for longer.
 */
final class ShortCommand {

    /** How much of a command's output goes into a reason: one line is the aim. */
    private static final int REASON_CHARS = 300;

    /**
     * @param exitCode the command's exit code; -1 when it could not start or did not end in time
     * @param output   what it printed, stdout and stderr together; the reason when it could not start
     */
    record Result(int exitCode, String output) {

        boolean ok() {
            return exitCode == 0;
        }

        /** The output as one short line, for a reason. */
        String oneLine() {
            String line = output.strip().replaceAll("\\s*\n\\s*", "; ");
            return line.length() <= REASON_CHARS ? line : line.substring(0, REASON_CHARS) + "...";
        }
    }

    private ShortCommand() {
    }

    /** Runs {@code command} and waits for it at most {@code limit}. */
    static Result run(List<String> command, Duration limit) throws InterruptedException {
        Path output = null;
        Process process = null;
        try {
            output = Files.createTempFile("iobench-prof", ".out");
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                return new Result(-1, command.getFirst() + " did not end within " + limit.toSeconds() + " s");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, command.getFirst() + " could not run: " + e.getMessage());
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    // A temporary file left behind is harmless.
                }
            }
        }
    }
}
