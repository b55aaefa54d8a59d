package io.iobench.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.client.testserver.TestEchoServer;
import io.iobench.options.JvmOptions;
import io.iobench.results.RunFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code iobench load --await-go}: armed once connected, nothing measured until a line GO on stdin. */
class LoadAwaitGoTest {

    @TempDir
    Path temp;

    @Test
    @Timeout(90)
    void printsArmedWaitsForGoThenRunsAndPrintsItsClock() throws Exception {
        Path out = temp.resolve("run");
        try (TestEchoServer server = TestEchoServer.start()) {
            Process load = start(server, out);
            try {
                awaitArmed(load);
                Thread.sleep(300);
                assertThat(out.resolve(RunFiles.RESULT_JSON)).as("no result before GO").doesNotExist();
                assertThat(Files.readString(temp.resolve("load.err"))).as("no measured window before GO")
                        .doesNotContain("measure");
                load.getOutputStream().write("GO\n".getBytes(StandardCharsets.UTF_8));
                load.getOutputStream().flush();
                assertThat(load.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                load.destroyForcibly();
            }
            assertThat(load.exitValue()).as(Files.readString(temp.resolve("load.err"))).isZero();
            assertThat(Files.readAllLines(temp.resolve("load.out")))
                    .anyMatch(line -> line.matches("GO clock_ms=\\d+\\.\\d{3}"));
        }
        assertThat(out.resolve(RunFiles.RESULT_JSON)).isNotEmptyFile();
    }

    @Test
    @Timeout(90)
    void endOfStdinWhileArmedStopsWithExit129() throws Exception {
        Path out = temp.resolve("run");
        try (TestEchoServer server = TestEchoServer.start()) {
            Process load = start(server, out);
            try {
                awaitArmed(load);
                load.getOutputStream().close();
                assertThat(load.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                load.destroyForcibly();
            }
            assertThat(load.exitValue()).isEqualTo(129);
        }
        assertThat(out.resolve(RunFiles.RESULT_JSON)).doesNotExist();
    }

    private Process start(TestEchoServer server, Path out) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-Xmx256m", "-XX:+UseSerialGC"));
        command.addAll(JvmOptions.required());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LoadOptions.mainClass(),
                "--target", server.target(), "--connections", "2", "--warmup", "0s", "--idle-window", "0",
                "--duration", "1s", "--out", out.toString(), "--await-go"));
        return new ProcessBuilder(command).redirectOutput(temp.resolve("load.out").toFile())
                .redirectError(temp.resolve("load.err").toFile()).start();
    }

    private void awaitArmed(Process load) throws IOException, InterruptedException {
        for (int i = 0; i < 1200; i++) {
            if (Files.readAllLines(temp.resolve("load.out")).contains("ARMED")) {
                return;
            }
            assertThat(load.isAlive()).as(Files.readString(temp.resolve("load.err"))).isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("no ARMED line within 60 s");
    }
}
