package io.iobench.client.testjvm;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.options.JvmOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * An iobench command in a JVM of its own on this test's class path, as a starter on another host would run it:
 * talked to through its stdin, its stdout and stderr kept in files, its exit code read. Closing it kills it.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildJvm(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Starts {@code mainClass} with {@code args}, its output in {@code dir/NAME.out} and {@code dir/NAME.err}.
     *
     * @param name what the files are called, e.g. {@code load}
     */
    public static ChildJvm start(String mainClass, List<String> args, Path dir, String name) throws IOException {
        return start(List.of(), mainClass, args, dir, name);
    }

    /** As {@link #start(String, List, Path, String)}, with {@code jvmOptions} after the usual ones. */
    public static ChildJvm start(List<String> jvmOptions, String mainClass, List<String> args, Path dir, String name)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-Xmx256m", "-XX:+UseSerialGC"));
        command.addAll(JvmOptions.required());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new ChildJvm(process, out, err);
    }

    /** Waits up to 60 s for a line of its stdout that {@code line} accepts, failing at once if it exits first. */
    public void awaitLine(Predicate<String> line, String what) throws IOException, InterruptedException {
        for (int i = 0; i < 1200; i++) {
            if (stdout().stream().anyMatch(line)) {
                return;
            }
            assertThat(process.isAlive()).as(stderr()).isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("no line " + what + " within 60 s");
    }

    /** Its process id. */
    public long pid() {
        return process.pid();
    }

    /** Writes {@code line} and a line break to its stdin. */
    public void send(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** Ends its stdin: end of file, as when its starter dies. */
    public void closeStdin() throws IOException {
        process.getOutputStream().close();
    }

    /** @return its exit code, once it exited within {@code seconds} */
    public int awaitExit(int seconds) throws InterruptedException {
        assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).as("exited within %d s", seconds).isTrue();
        return process.exitValue();
    }

    /** @return what it printed on stdout so far, line by line */
    public List<String> stdout() throws IOException {
        return Files.readAllLines(stdout);
    }

    /** @return what it printed on stderr so far */
    public String stderr() throws IOException {
        return Files.readString(stderr);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
