package io.iobench.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.client.engine.ClientIo;
import io.iobench.client.testserver.TestEchoServer;
import io.iobench.options.JvmOptions;
import io.iobench.results.RunFiles;
import io.iobench.results.RunResult;
import io.iobench.results.RunResultFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A load client stopped (SIGSTOP) for 1.5 s of its 4 s window, against a server that answers throughout. Its
 * echoes wait unread in its sockets meanwhile: the latency it records is its own stall, and the run says so
 * ({@code client_stalled}) rather than putting the stall on the server ({@code stalled} stays down). The client
 * runs in a process of its own, since a test cannot stop the JVM it runs in.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClientStallTest {

    private static final long STOPPED_MS = 1500;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ClientIo.class)
    void aClientStoppedInItsWindowFlagsItselfAndNotTheServer(ClientIo io) throws Exception {
        Process client;
        try (TestEchoServer server = TestEchoServer.start()) {
            client = startClient(server, io);
            try {
                awaitMeasuring();
                signal("STOP", client.pid());
                Thread.sleep(STOPPED_MS);
                signal("CONT", client.pid());
                assertThat(client.waitFor(60, TimeUnit.SECONDS)).as("the client ends").isTrue();
            } finally {
                signal("CONT", client.pid());
                client.destroyForcibly();
            }
        }

        assertThat(client.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();
        RunResult result = RunResultFile.read(dir.resolve("run").resolve(RunFiles.RESULT_JSON));
        assertThat(result.client().io()).isEqualTo(io.label());
        assertThat(result.flags().clientStalled()).isTrue();
        assertThat(result.flags().stalls().clientStalledMaxGapMs()).as("ms the IO thread did not run")
                .isGreaterThanOrEqualTo(STOPPED_MS - 100.0);
        assertThat(result.flags().stalled()).as("the server answered throughout").isFalse();
        assertThat(result.flags().stalls().stalledConnections()).isZero();
        assertThat(Files.readString(dir.resolve("out.txt"))).contains("client_stalled (");
    }

    private Process startClient(TestEchoServer server, ClientIo io) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(JvmOptions.required());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LoadCommand.class.getName(),
                "--target", server.target(), "--connections", "10", "--warmup", "500ms", "--duration", "4s",
                "--idle-window", "0", "--client-io", io.label(), "--out", dir.resolve("run").toString()));
        return new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
    }

    /** Waits for the client's first progress line of the measured window, so the stop falls inside it. */
    private void awaitMeasuring() throws IOException, InterruptedException {
        Path err = dir.resolve("err.txt");
        long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(err) || !Files.readString(err).contains("measure")) {
            assertThat(System.nanoTime()).as("the client never started measuring").isLessThan(deadlineNs);
            Thread.sleep(20);
        }
    }

    private static void signal(String name, long pid) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start().waitFor();
    }
}
