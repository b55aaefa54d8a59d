package io.iobench.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.iobench.client.testserver.TestEchoServer;
import io.iobench.options.JvmOptions;
import io.iobench.results.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iobench load} cut short in its own JVM, as a user's Ctrl-C, a process manager's SIGTERM or a dead sweep
 * cuts it: a run that did not reach its end is no result, so it writes nothing, deletes what it had written, says so
 * in one line and exits with the code of what stopped it.
 */
class LoadInterruptionTest {

    @TempDir
    Path temp;

    @Test
    @Timeout(90)
    void sigtermMidRunWritesNothingSaysSoAndExits143() throws Exception {
        assertInterrupted(List.of(), load -> load.process.toHandle().destroy(), 143, "SIGTERM");
    }

    @Test
    @Timeout(90)
    void sigintMidRunWritesNothingSaysSoAndExits130() throws Exception {
        assertInterrupted(List.of(), load -> {
            // A process started ignoring SIGINT (a background job of a script) can never catch it.
            assumeFalse(ignoresSigint(load.process.pid()), "the load JVM was started ignoring SIGINT");
            signal("INT", load.process.pid());
        }, 130, "SIGINT");
    }

    @Test
    @Timeout(90)
    void endOfStdinWithTheOptionWritesNothingAndExits129() throws Exception {
        assertInterrupted(List.of("--exit-on-stdin-eof"), load -> load.process.getOutputStream().close(), 129,
                "end of stdin");
    }

    /* Stdin from /dev/null reads end of file at once: without the option, that means nothing. */
    @Test
    @Timeout(90)
    void endOfStdinWithoutTheOptionIsNoRequestToStop() throws Exception {
        Path out = temp.resolve("run");
        try (TestEchoServer server = TestEchoServer.start()) {
            Load load = Load.start(server, out, "1s", List.of(), temp, true);
            assertThat(load.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(load.process.exitValue()).as(load::errText).isZero();
        }
        assertThat(out.resolve(RunFiles.RESULT_JSON)).isNotEmptyFile();
    }

    private void assertInterrupted(List<String> extraArgs, Interruption interruption, int exitCode, String cause)
            throws Exception {
        Path out = temp.resolve("run");
        try (TestEchoServer server = TestEchoServer.start()) {
            Load load = Load.start(server, out, "60s", extraArgs, temp, false);
            try {
                load.awaitMeasuring();
                assertThat(out.resolve(RunFiles.HLOG)).as("the interval log, written while the run goes").exists();
                interruption.interrupt(load);
                assertThat(load.process.waitFor(30, TimeUnit.SECONDS)).as(load::errText).isTrue();
            } finally {
                load.process.destroyForcibly();
            }
            assertThat(load.process.exitValue()).as(load::errText).isEqualTo(exitCode);
            List<String> lines = Files.readAllLines(load.stderr);
            assertThat(lines.getLast()).isEqualTo("iobench load: interrupted by " + cause + "; the run was not written");
            assertThat(lines).filteredOn(line -> line.startsWith("iobench load:")).hasSize(1);
            assertThat(Files.readString(load.stdout)).as("the summary of a run that was not written").isEmpty();
        }
        assertThat(out).as("the run's directory, made by the run").doesNotExist();
    }

    @FunctionalInterface
    private interface Interruption {
        void interrupt(Load load) throws IOException, InterruptedException;
    }

    private static boolean ignoresSigint(long pid) throws IOException {
        String ignored = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("SigIgn:")).findFirst().orElseThrow().substring("SigIgn:".length());
        return (Long.parseUnsignedLong(ignored.strip(), 16) & (1L << (2 - 1))) != 0; // SIGINT is signal 2
    }

    private static void signal(String name, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -%s %d", name, pid).isZero();
    }

    /** An {@code iobench load} JVM on this test's class path, its output in files. */
    private record Load(Process process, Path stdout, Path stderr) {

        static Load start(TestEchoServer server, Path out, String duration, List<String> extraArgs, Path dir,
                          boolean stdinFromDevNull) throws IOException {
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                    "-Xmx256m", "-XX:+UseSerialGC"));
            command.addAll(JvmOptions.required());
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), LoadOptions.mainClass(),
                    "--target", server.target(), "--connections", "2", "--warmup", "0s", "--idle-window", "0",
                    "--duration", duration, "--out", out.toString()));
            command.addAll(extraArgs);
            Path stdout = dir.resolve("load.out");
            Path stderr = dir.resolve("load.err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            if (stdinFromDevNull) {
                builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            }
            return new Load(builder.start(), stdout, stderr);
        }

        /** Waits for the first progress line of the measured window. */
        void awaitMeasuring() throws IOException, InterruptedException {
            long deadlineNs = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (Files.readAllLines(stderr).stream().noneMatch(line -> line.startsWith("measure"))) {
                assertThat(process.isAlive()).as(this::errText).isTrue();
                if (System.nanoTime() > deadlineNs) {
                    throw new AssertionError("no progress line within 60 s; " + errText());
                }
                Thread.sleep(50);
            }
        }

        String errText() {
            try {
                return "stderr: " + Files.readString(stderr);
            } catch (IOException e) {
                return "stderr unreadable: " + e.getMessage();
            }
        }
    }
}
