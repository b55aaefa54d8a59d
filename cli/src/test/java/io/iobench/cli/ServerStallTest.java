package io.iobench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.results.RunFiles;
import io.iobench.results.RunResult;
import io.iobench.results.RunResultFile;
import io.iobench.sweep.ServerLaunch;
import io.iobench.sweep.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that stops answering (SIGSTOP): the open-loop client shows the stall in its corrected latency and ends on
 * time; against a server that never comes back it ends by its time-out, counting the unanswered messages.
 */
class ServerStallTest {

    private static final long RUN_SECONDS = 5;

    @TempDir
    Path tmp;

    @Test
    @Timeout(180)
    void aOneSecondStopShowsInCorrectedLatencyAndTheRunEndsOnTime() throws Exception {
        try (ServerProcess server = ServerProcess.start(ServerLaunch.of("selector", tmp.resolve("server.log")))) {
            Process load = startLoad(server);
            try {
                awaitMeasuring();
                signal("STOP", server.pid());
                Thread.sleep(1000);
                signal("CONT", server.pid());
                assertThat(load.waitFor(RUN_SECONDS + 60, TimeUnit.SECONDS)).as("load ends on time").isTrue();
            } finally {
                signal("CONT", server.pid());
                load.destroyForcibly();
            }
            assertThat(load.exitValue()).as(Files.readString(tmp.resolve("err.txt"))).isZero();
        }
        RunResult result = RunResultFile.read(tmp.resolve("run").resolve(RunFiles.RESULT_JSON));
        assertThat(result.flags().failed()).isFalse();
        // About a fifth of the intended sends fall inside the stop; the worst waited the whole second.
        assertThat(result.latencyUs().corrected().max()).isGreaterThanOrEqualTo(800_000);
        assertThat(result.latencyUs().corrected().p99()).isGreaterThanOrEqualTo(500_000);
        assertThat(result.latencyUs().corrected().p99())
                .isGreaterThanOrEqualTo(result.latencyUs().uncorrected().p99());
        assertThat(result.errors().mismatch()).isZero();
        assertThat(result.timing().measuredS()).isLessThan(RUN_SECONDS + 1.0);
    }

    @Test
    @Timeout(180)
    void aServerThatNeverComesBackEndsTheRunByItsTimeOut() throws Exception {
        try (ServerProcess server = ServerProcess.start(ServerLaunch.of("selector", tmp.resolve("server.log")))) {
            Process load = startLoad(server);
            try {
                awaitMeasuring();
                signal("STOP", server.pid());
                assertThat(load.waitFor(RUN_SECONDS + 60, TimeUnit.SECONDS)).as("load ends by its time-out").isTrue();
            } finally {
                signal("CONT", server.pid());
                load.destroyForcibly();
            }
        }
        RunResult result = RunResultFile.read(tmp.resolve("run").resolve(RunFiles.RESULT_JSON));
        assertThat(result.errors().timeout()).as("messages left unanswered").isPositive();
        assertThat(result.timing().measuredS()).isLessThan(RUN_SECONDS + 1.0);
    }

    private Process startLoad(ServerProcess server) throws IOException {
        return IobenchScript.start(tmp.resolve("out.txt"), tmp.resolve("err.txt"), "load",
                "--target", "127.0.0.1:" + server.port(), "--connections", "10", "--rate", "2000",
                "--warmup", "0s", "--duration", RUN_SECONDS + "s", "--idle-window", "0",
                "--server-pid", Long.toString(server.pid()), "--model", "selector",
                "--out", tmp.resolve("run").toString());
    }

    /** Waits for the client's first progress line of the measured window, so the stop falls inside it. */
    private void awaitMeasuring() throws IOException, InterruptedException {
        Path err = tmp.resolve("err.txt");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(err).contains("measure")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the client never started measuring: " + Files.readString(err));
            }
            Thread.sleep(50);
        }
    }

    private static void signal(String name, long pid) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start().waitFor();
    }
}
