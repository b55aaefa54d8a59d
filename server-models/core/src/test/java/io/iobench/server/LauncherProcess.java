package io.iobench.server;

import io.iobench.options.JvmOptions;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A model served by {@link ServerLauncher} in a JVM of its own, for what cannot be done to the test's JVM:
 * lowering its descriptor limit and measuring its CPU time as a process. It runs on the test's JDK and class path
 * (directories packed into jars), so it finds the model under test with {@link java.util.ServiceLoader} as the real
 * launcher would.
 */
final class LauncherProcess implements AutoCloseable {

    /** util-linux prlimit, which changes the limits of a running process. */
    static final Path PRLIMIT = Path.of("/usr/bin/prlimit");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern READY_LINE = Pattern.compile("READY model=\\S+ port=(\\d+) pid=(\\d+) threads=\\d+");
    private static final Pattern STOPPED_LINE = Pattern.compile(
            "STOPPED model=\\S+ accepted=(\\d+) refused=(\\d+) accept_failures=(\\d+) open=(\\d+)");

    private final Process process;
    private final Path stderrFile;
    private final int port;

    private LauncherProcess(Process process, Path stderr, int port) {
        this.process = process;
        this.stderrFile = stderr;
        this.port = port;
    }

    /** The counters of the server's STOPPED line. */
    record Stopped(long accepted, long refused, long acceptFailures, long open) {
    }

    /**
     * Starts {@code iobench server --model NAME ARGS...} and waits for its READY line.
     *
     * @param workDir where its stdout and stderr are written
     */
    static LauncherProcess start(String model, List<String> args, Path workDir) throws IOException {
        return start(List.of(), model, args, workDir);
    }

    /**
     * Starts the server as {@link #start} does, under {@code prlimit --nofile=LIMIT:LIMIT} from its first
     * instruction, as a user with a low {@code ulimit -n} would.
     */
    static LauncherProcess startWithDescriptorLimit(int limit, String model, List<String> args, Path workDir)
            throws IOException {
        return start(List.of(PRLIMIT.toString(), "--nofile=" + limit + ":" + limit, "--"), model, args, workDir);
    }

    private static LauncherProcess start(List<String> prefix, String model, List<String> args, Path workDir)
            throws IOException {
        Path stdout = workDir.resolve("server.out");
        Path stderr = workDir.resolve("server.err");
        String java = ProcessHandle.current().info().command().orElseThrow(
                () -> new IllegalStateException("cannot tell which java runs this test"));
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(java,
                // Small and single-threaded GC: the child shares two cores with the test.
                "-Xmx128m", "-XX:+UseSerialGC"));
        command.addAll(JvmOptions.required());
        command.addAll(List.of("-cp", jarredClassPath(workDir), ServerLauncher.class.getName(), "--model", model));
        command.addAll(args);
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        try {
            int port = awaitReady(process, stdout, stderr);
            return new LauncherProcess(process, stderr, port);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /**
     * The test's class path with every directory (a module's {@code target/classes}) packed into a jar. A JVM loads
     * a class from a directory by opening its file, which fails once descriptors run out, so a model class first
     * used after the limit would be missing; from a jar, as in a real deployment, it is read through a descriptor
     * the JVM already holds.
     */
    private static String jarredClassPath(Path workDir) throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                Path jar = workDir.resolve("classes-" + entries.size() + ".jar");
                jar(path, jar);
                entries.add(jar.toString());
            } else if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void jar(Path directory, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(directory.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }

    private static int awaitReady(Process process, Path stdout, Path stderr) throws IOException {
        long deadlineNs = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadlineNs) {
            Optional<Matcher> ready = Files.readAllLines(stdout).stream()
                    .map(READY_LINE::matcher).filter(Matcher::matches).findFirst();
            if (ready.isPresent()) {
                return Integer.parseInt(ready.get().group(1));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + ": "
                        + Files.readString(stderr));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the server", e);
            }
        }
        throw new IllegalStateException("server printed no READY line in " + START_TIMEOUT + ": "
                + Files.readString(stderr));
    }

    int port() {
        return port;
    }

    /** @return descriptors the server process has open now */
    int openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
            return (int) fds.count();
        }
    }

    /** @return whether the server process has at most {@code descriptors} open now */
    boolean holdsAtMostDescriptors(int descriptors) {
        try {
            return openDescriptors() <= descriptors;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the server's descriptors", e);
        }
    }

    /** Sets the server's soft and hard RLIMIT_NOFILE while it runs. */
    void limitDescriptors(int limit) throws IOException, InterruptedException {
        Process prlimit = new ProcessBuilder(PRLIMIT.toString(), "--pid", Long.toString(process.pid()),
                "--nofile=" + limit + ":" + limit).redirectErrorStream(true).start();
        String output = new String(prlimit.getInputStream().readAllBytes());
        if (prlimit.waitFor() != 0) {
            throw new IOException("prlimit failed: " + output);
        }
    }

    /** @return share of one core (user + system) the server process used over {@code window}, which passes */
    double cpuCores(Duration window) throws InterruptedException {
        Duration cpuBefore = cpuTime();
        long startNs = System.nanoTime();
        Thread.sleep(window.toMillis());
        return (double) cpuTime().minus(cpuBefore).toNanos() / (System.nanoTime() - startNs);
    }

    private Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElseThrow(
                () -> new IllegalStateException("no CPU time for pid " + process.pid()));
    }

    /** @return what the server wrote on stderr so far, on a new line, for failure messages; empty if nothing */
    String stderr() {
        try {
            String text = Files.readString(stderrFile).strip();
            return text.isEmpty() ? "" : "\nserver stderr:\n" + text;
        } catch (IOException e) {
            return "\nserver stderr unreadable: " + e.getMessage();
        }
    }

    /** @return the lines the server wrote on stderr so far */
    List<String> stderrLines() throws IOException {
        return Files.readAllLines(stderrFile);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Sends SIGTERM and waits for the launcher to close the server and exit.
     *
     * @return the counters of its STOPPED line
     * @throws IllegalStateException when it does not exit 0 with a STOPPED line
     */
    Stopped stop() throws IOException, InterruptedException {
        process.destroy();
        return awaitStopped();
    }

    private Stopped awaitStopped() throws IOException, InterruptedException {
        int exit = awaitExit(Duration.ofSeconds(30));
        String err = Files.readString(stderrFile);
        if (exit != 0) {
            throw new IllegalStateException("server exited with " + exit + ": " + err);
        }
        Matcher stopped = STOPPED_LINE.matcher(err);
        if (!stopped.find()) {
            throw new IllegalStateException("no STOPPED line on stderr: " + err);
        }
        return new Stopped(Long.parseLong(stopped.group(1)), Long.parseLong(stopped.group(2)),
                Long.parseLong(stopped.group(3)), Long.parseLong(stopped.group(4)));
    }

    /**
     * @return the exit code once the process has exited
     * @throws IllegalStateException when it is still running after {@code timeout}
     */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("server still running " + timeout.toSeconds() + " s later" + stderr());
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
