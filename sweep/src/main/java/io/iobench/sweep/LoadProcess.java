package io.iobench.sweep;

import io.iobench.client.LoadOptions;
import io.iobench.options.JvmOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One {@code iobench load} run in its own JVM, pinned to the client's CPUs: the sweep measures with exactly the
 * command a user would type, and a fresh JVM per run carries no JIT or heap state from the last point.
 */
final class LoadProcess {

    /** The exit code reported when the client outlived its time-out and was killed. */
    static final int TIMED_OUT = -1;
    /** What each line of the client's output is indented by when the sweep echoes it. */
    static final String ECHO_INDENT = "  ";

    private final Process process;
    private final Thread pump;

    private LoadProcess(Process process, Thread pump) {
        this.process = process;
        this.pump = pump;
    }

    /**
     * Starts the client; its output goes to {@code logFile} and, line by line, to {@code echo}, but for the line
     * naming its result directory: that is the sweep's scratch directory, renamed once the run is committed, and
     * the sweep names the run's final directory then. The client's stdin is a pipe this process holds and never
     * writes, and it is told to stop when that pipe closes: when this process dies, however it dies.
     */
    static LoadProcess start(Optional<String> cpuList, List<String> jvmOptions, LoadOptions options, Path logFile,
                             PrintStream echo) throws IOException {
        List<String> allJvmOptions = new ArrayList<>(JvmOptions.required());
        allJvmOptions.addAll(jvmOptions);
        List<String> command = JavaCommand.of(cpuList, allJvmOptions, LoadOptions.mainClass(),
                options.exitingOnStdinEof().toArguments());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String scratchLine = LoadOptions.resultLine(options.out());
        Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
        Thread pump = Thread.ofPlatform().daemon().name("client-output").start(() -> {
            try (log; BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    log.write(line);
                    log.write('\n');
                    if (!line.equals(scratchLine)) {
                        echo.println(ECHO_INDENT + line);
                    }
                }
            } catch (IOException e) {
                // The client went away; its exit code says how.
            }
        });
        return new LoadProcess(process, pump);
    }

    /** Waits for the client to finish; kills it after {@code timeout} and returns {@link #TIMED_OUT}. */
    int await(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.toHandle().destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            pump.join(2000);
            return TIMED_OUT;
        }
        pump.join(2000);
        return process.exitValue();
    }

    /**
     * Asks the client to stop (SIGTERM), for an interrupted sweep. Signals go through the handle, since
     * Process.destroy() also closes our end of its output and its last lines would be lost.
     */
    void terminate() {
        process.toHandle().destroy();
    }

    void kill() {
        process.toHandle().destroyForcibly();
    }
}
