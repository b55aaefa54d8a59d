package io.iobench.client.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.client.testjvm.ChildJvm;
import io.iobench.results.ProbeResult;
import io.iobench.results.ProbeResultFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iobench probe} as a starter on the server's host sees it: a JVM of its own, talked to through its stdin and
 * stdout, its exit code and its file. A shell stands in for the server.
 */
class ProbeCommandTest {

    /** Long enough to read the threads in before the window, as any real warm-up is. */
    private static final Duration WARMUP = Duration.ofMillis(200);

    @TempDir
    Path temp;

    @Test
    @Timeout(60)
    void printsReadyWaitsForGoThenMeasuresWritesItsFileAndExitsZero() throws Exception {
        Path out = temp.resolve("probe.json");
        try (WatchedProcess server = WatchedProcess.spinning();
             ChildJvm probe = start(server, out, "--exit-on-stdin-eof")) {
            awaitReady(probe, server);
            assertThat(out).as("nothing measured before GO").doesNotExist();
            probe.send("GO");

            assertThat(probe.awaitExit(30)).as(probe.stderr()).isZero();
            List<String> lines = probe.stdout();
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).isEqualTo("PROBE-READY pid=" + server.pid());
            assertThat(lines.get(1)).matches("GO clock_ms=\\d+\\.\\d{3}");
            assertThat(lines.get(2)).isEqualTo("PROBE-DONE");
            ProbeResult result = ProbeResultFile.read(out);
            assertThat(result.failed()).isFalse();
            assertThat(result.pid()).isEqualTo(server.pid());
            assertThat(result.server().cpu().cores()).isPositive();
            // The window is timed on the monotonic clock and stamped on the wall clock, which may slew.
            assertThat(result.window().endEpochMs() - result.window().startEpochMs()).isBetween(900L, 5000L);
            assertThat(result.process().commandLine()).contains("while :; do :; done");
            assertThat(result.process().jvmOptions()).as("a shell is no JVM").isNull();
            assertThat(result.host().tuning().kernelCommandLine()).as("its host's tuning").isNotNull();
        }
    }

    /* Without --exit-on-stdin-eof the end of stdin after GO means nothing: "echo GO | iobench probe ..." runs. */
    @Test
    @Timeout(60)
    void runsThroughWhenStdinEndsJustAfterGo() throws Exception {
        Path out = temp.resolve("probe.json");
        try (WatchedProcess server = WatchedProcess.spinning(); ChildJvm probe = start(server, out)) {
            awaitReady(probe, server);
            probe.send("GO");
            probe.closeStdin();

            assertThat(probe.awaitExit(30)).as(probe.stderr()).isZero();
            assertThat(ProbeResultFile.read(out).failed()).isFalse();
        }
    }

    @Test
    @Timeout(60)
    void aServerThatExitsInTheWindowIsAFailedFileAndExitOne() throws Exception {
        Path out = temp.resolve("probe.json");
        try (WatchedProcess server = WatchedProcess.sleeping(); ChildJvm probe = start(server, out)) {
            awaitReady(probe, server);
            probe.send("GO");
            probe.awaitLine(line -> line.startsWith("GO clock_ms="), "GO clock_ms=...");
            Thread.sleep(700); // into the window, which runs from 200 ms to 1.2 s after GO
            server.kill();

            assertThat(probe.awaitExit(30)).as(probe.stderr()).isEqualTo(1);
            assertThat(probe.stdout()).last().isEqualTo("PROBE-DONE");
            assertThat(ProbeResultFile.read(out).failure())
                    .isEqualTo("server pid " + server.pid() + " exited during the measured window");
            assertThat(probe.stderr()).contains("exited during the measured window");
        }
    }

    @Test
    @Timeout(60)
    void endOfStdinBeforeGoExits129AndWritesNothing() throws Exception {
        Path out = temp.resolve("probe.json");
        try (WatchedProcess server = WatchedProcess.sleeping();
             ChildJvm probe = start(server, out, "--exit-on-stdin-eof")) {
            awaitReady(probe, server);
            probe.closeStdin();

            assertThat(probe.awaitExit(30)).isEqualTo(129);
            assertThat(out).doesNotExist();
            assertThat(probe.stderr()).contains("before GO; nothing was written");
        }
    }

    @Test
    void aMistakeIsOneLineAndExitTwo() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = ProbeCommand.run(new String[] {"--pid", "1", "--warmup", "0", "--duration", "1s", "--out",
                temp.resolve("p.json").toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .startsWith("iobench probe: --idle-window").endsWith("(iobench probe --help shows the options)");
    }

    @Test
    void aPidWithNoProcessIsAUsageError() throws Exception {
        long gone;
        try (WatchedProcess server = WatchedProcess.sleeping()) {
            gone = server.pid();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = ProbeCommand.run(new String[] {"--pid", Long.toString(gone), "--idle-window", "0", "--warmup",
                "0", "--duration", "1s", "--out", temp.resolve("p.json").toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--pid " + gone + ": no such process");
    }

    @Test
    @Timeout(30)
    void refusesToOverwriteAnEarlierProbesFile() throws Exception {
        Path out = Files.writeString(temp.resolve("p.json"), "{}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (WatchedProcess server = WatchedProcess.sleeping()) {
            int code = ProbeCommand.run(new String[] {"--pid", Long.toString(server.pid()), "--idle-window", "0",
                    "--warmup", "0", "--duration", "1s", "--out", out.toString()},
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(code).isEqualTo(2);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(out + " exists already; give a new --out");
        assertThat(Files.readString(out)).isEqualTo("{}");
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = ProbeCommand.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: iobench probe --pid PID");
    }

    /** A probe of {@code server} over a 1 s window after 200 ms of warm-up, without idle window. */
    private ChildJvm start(WatchedProcess server, Path out, String... extra) throws IOException {
        List<String> args = new ArrayList<>(new ProbeOptions(server.pid(), Duration.ZERO, WARMUP,
                Duration.ofSeconds(1), 0, out, false).toArguments());
        args.addAll(List.of(extra));
        return ChildJvm.start(ProbeOptions.mainClass(), args, temp, "probe");
    }

    private static void awaitReady(ChildJvm probe, WatchedProcess server) throws IOException, InterruptedException {
        String ready = "PROBE-READY pid=" + server.pid();
        probe.awaitLine(ready::equals, ready);
    }
}
