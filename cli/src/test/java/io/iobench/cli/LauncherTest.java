package io.iobench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code iobench models} and {@code iobench server}, run through the script exactly as the README says. */
class LauncherTest {

    private static final Pattern READY = Pattern.compile("READY model=(\\S+) port=(\\d+) pid=(\\d+) threads=(\\d+)");

    @TempDir
    Path tmp;

    static List<String> models() {
        return List.of("thread-per-connection", "thread-pool", "virtual-threads", "busy-poll", "select", "poll",
                "selector", "netty-epoll", "netty-io-uring", "netty-nio");
    }

    @Test
    @Timeout(60)
    void listsEveryModelWithADescription() throws Exception {
        IobenchScript.Outcome outcome = IobenchScript.run(tmp, 50, "models");
        assertThat(outcome.exitCode()).isZero();
        List<String> lines = outcome.stdout().lines().toList();
        assertThat(lines).allMatch(line -> line.matches("[a-z0-9-]+\t\\S.*"));
        assertThat(lines.stream().map(line -> line.substring(0, line.indexOf('\t'))))
                .containsExactlyInAnyOrderElementsOf(models());
    }

    @ParameterizedTest
    @MethodSource("models")
    @Timeout(90)
    void serverEchoesForAnyClientUntilSigtermThenExitsZero(String model) throws Exception {
        Path err = tmp.resolve("err.txt");
        Process server = new ProcessBuilder("bash", IobenchScript.SCRIPT.toString(), "server", "--model", model,
                "--port", "0").redirectError(err.toFile()).start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("first line of stdout; stderr: %s", Files.readString(err)).isNotNull();
            Matcher ready = READY.matcher(line);
            assertThat(ready.matches()).as(line).isTrue();
            assertThat(ready.group(1)).isEqualTo(model);
            assertThat(Long.parseLong(ready.group(3))).isEqualTo(server.pid());
            assertThat(Integer.parseInt(ready.group(4))).as("threads").isEqualTo(defaultThreads(model));
            int port = Integer.parseInt(ready.group(2));

            byte[] payload = "hello, echo\n".repeat(1000).getBytes(StandardCharsets.US_ASCII);
            try (Socket client = new Socket("127.0.0.1", port)) {
                OutputStream os = client.getOutputStream();
                os.write(payload);
                os.flush();
                InputStream is = client.getInputStream();
                assertThat(is.readNBytes(payload.length)).isEqualTo(payload);
            }
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).as(Files.readString(err)).isZero();
            assertThat(Files.readString(err)).contains("STOPPED model=" + model);
            try (ServerSocket again = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                assertThat(again.getLocalPort()).isEqualTo(port);
            }
        } finally {
            server.destroyForcibly();
        }
    }

    /*
     * A sweep (or an ssh session) holds the server's stdin: when that end closes, the server stops as on SIGTERM,
     * since whoever started it is gone.
     */
    @Test
    @Timeout(90)
    void serverWithExitOnStdinEofStopsWhenItsStdinCloses() throws Exception {
        Path err = tmp.resolve("err.txt");
        Process server = new ProcessBuilder("bash", IobenchScript.SCRIPT.toString(), "server", "--model", "selector",
                "--exit-on-stdin-eof").redirectError(err.toFile()).start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).as("stderr: %s", Files.readString(err)).startsWith("READY model=selector");
            server.getOutputStream().close();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("server exited once its stdin closed").isTrue();
            assertThat(server.exitValue()).as(Files.readString(err)).isZero();
            assertThat(Files.readString(err)).contains("STOPPED model=selector");
        } finally {
            server.destroyForcibly();
        }
    }

    /* Run from a terminal or with stdin from /dev/null, a server serves until it is told to stop, whatever stdin says. */
    @Test
    @Timeout(90)
    void serverWithoutTheOptionServesWithStdinAtEndOfFile() throws Exception {
        Path err = tmp.resolve("err.txt");
        Process server = new ProcessBuilder("bash", IobenchScript.SCRIPT.toString(), "server", "--model", "selector")
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(err.toFile()).start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            Matcher ready = READY.matcher(String.valueOf(out.readLine()));
            assertThat(ready.matches()).as("stderr: %s", Files.readString(err)).isTrue();
            try (Socket client = new Socket("127.0.0.1", Integer.parseInt(ready.group(2)))) {
                client.getOutputStream().write(42);
                assertThat(client.getInputStream().read()).isEqualTo(42);
            }
            assertThat(server.isAlive()).isTrue();
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).as(Files.readString(err)).isZero();
        } finally {
            server.destroyForcibly();
        }
    }

    /*
     * Without --threads: a pool of 200 (Tomcat's default), a reactor per CPU the server may use (the server here is
     * unpinned, as this test's JVM is), one thread for select and busy-poll, none of its own for a thread per
     * connection.
     */
    private static int defaultThreads(String model) {
        return switch (model) {
            case "thread-per-connection", "virtual-threads" -> 0;
            case "thread-pool" -> 200;
            case "busy-poll", "select" -> 1;
            default -> Runtime.getRuntime().availableProcessors();
        };
    }

    @Test
    @Timeout(60)
    void refusesThreadsThatAreNoCountOrThatTheModelWouldIgnore() throws Exception {
        for (String[] args : List.of(new String[] {"--model", "selector", "--threads", "0"},
                new String[] {"--model", "select", "--threads", "2"},
                new String[] {"--model", "thread-per-connection", "--threads", "8"})) {
            IobenchScript.Outcome outcome = IobenchScript.run(tmp, 50,
                    java.util.stream.Stream.concat(java.util.stream.Stream.of("server"), java.util.Arrays.stream(args))
                            .toArray(String[]::new));
            assertThat(outcome.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(outcome.stderr()).contains("--threads").doesNotContain("Exception").hasLineCount(1);
        }
    }

    @Test
    @Timeout(60)
    void unknownModelIsOneLineAndExitCodeTwo() throws Exception {
        IobenchScript.Outcome outcome = IobenchScript.run(tmp, 50, "server", "--model", "no-such-model");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("unknown model 'no-such-model'").doesNotContain("Exception");
    }

    @Test
    @Timeout(60)
    void badPortIsAUsageError() throws Exception {
        IobenchScript.Outcome outcome = IobenchScript.run(tmp, 50, "server", "--model", "selector", "--port", "70000");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("--port must be between 0 and 65535").doesNotContain("Exception");
    }

    @Test
    @Timeout(60)
    void portInUseIsOneLineAndExitCodeOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            IobenchScript.Outcome outcome = IobenchScript.run(tmp, 50, "server", "--model", "selector", "--port",
                    Integer.toString(taken.getLocalPort()));
            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(outcome.stderr()).contains("cannot bind").doesNotContain("\tat ");
        }
    }

    @Test
    @Timeout(60)
    void bindToAnAddressNotOnThisHostIsOneLine() throws Exception {
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): never assigned to a host, so bind fails without any traffic.
        IobenchScript.Outcome outcome = IobenchScript.run(tmp, 50, "server", "--model", "selector", "--bind",
                "192.0.2.1");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr().lines().filter(l -> !l.isBlank()).count()).isEqualTo(1);
        assertThat(outcome.stderr()).contains("cannot bind");
    }

    @Test
    @Timeout(60)
    void debugShowsTheStackTrace() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            IobenchScript.Outcome outcome = IobenchScript.run(tmp, 50, "server", "--model", "selector", "--port",
                    Integer.toString(taken.getLocalPort()), "--debug");
            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(outcome.stderr()).contains("\tat ");
        }
    }

    @Test
    @Timeout(60)
    void unknownCommandIsAUsageError() throws Exception {
        IobenchScript.Outcome outcome = IobenchScript.run(tmp, 50, "frobnicate");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("unknown command 'frobnicate'");
    }
}
