package io.iobench.client.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.client.LoadCommand;
import io.iobench.client.testjvm.ChildJvm;
import io.iobench.client.testserver.PatternEchoServer;
import io.iobench.results.RunFiles;
import io.iobench.results.RunProfile;
import io.iobench.results.RunResult;
import io.iobench.results.RunResultFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The syscall profiler against servers whose system calls follow a known pattern, through {@code iobench load
 * --prof syscalls}: a busy-polling loop reads every connection each turn, echo or not, so with idle connections it
 * makes many reads per message; a selector at one connection waits once per message. Both need perf and the syscall
 * tracepoints, and are skipped with one line where they are missing. A missing perf is one line and no failure.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SyscallProfilerTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void busyPollWithIdleConnectionsMakesFarMoreReadsThanMessages() throws Exception {
        PerfAssumption.assumePerfCountsSyscalls();

        RunProfile.Syscalls syscalls = profiledRun("busy-poll", 1, 40);

        double readsPerMessage = reads(syscalls.perMessage());
        // 41 channels read every turn, one of them answering: dozens of reads per echo.
        assertThat(readsPerMessage).as("reads per message, %s", syscalls).isGreaterThan(5);
        assertThat(syscalls.total()).isGreaterThanOrEqualTo(syscalls.calls().get("read"));
    }

    @Test
    void selectorAtOneConnectionMakesAboutOneEpollWaitPerMessage() throws Exception {
        PerfAssumption.assumePerfCountsSyscalls();

        RunProfile.Syscalls syscalls = profiledRun("selector", 1, 0);

        double waits = syscalls.perMessage().getOrDefault("epoll_wait", 0.0)
                + syscalls.perMessage().getOrDefault("epoll_pwait", 0.0);
        assertThat(waits).as("epoll waits per message, %s", syscalls).isBetween(0.3, 3.0);
        assertThat(reads(syscalls.perMessage())).as("reads per message").isBetween(0.3, 3.0);
    }

    @Test
    void aMissingPerfIsOneLineAndTheRunGoesOn() throws Exception {
        PrintStream progress = new PrintStream(err, true, StandardCharsets.UTF_8);
        SyscallProfiler noPerf = new SyscallProfiler(ProcessHandle.current().pid(), temp, "/nonexistent/perf",
                SyscallProfiler.TRACEFS);

        RunProfile profile;
        try (Profilers profilers = Profilers.of(List.of(noPerf), progress)) {
            profilers.prepare();
            profilers.start();
            profile = profilers.stop();
        }

        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString()
                .startsWith("profiler     syscalls not run: no perf command (/nonexistent/perf)");
        assertThat(profile.asked()).containsExactly("syscalls");
        assertThat(profile.profilers()).singleElement().satisfies(run -> {
            assertThat(run.ran()).isFalse();
            assertThat(run.reason()).contains("no perf command");
        });
        assertThat(profile.syscalls()).isNull();
        assertThat(profile.anyRan()).isFalse();
    }

    @Test
    void aRunWithoutAServerPidSaysItHadNothingToProfileAndCompletes() throws Exception {
        try (ChildJvm server = ChildJvm.start(PatternEchoServer.class.getName(), List.of("selector"), temp,
                "server")) {
            server.awaitLine(line -> line.startsWith("READY"), "READY");
            Path dir = temp.resolve("unprofiled");
            int code = LoadCommand.run(new String[] {"--target", "127.0.0.1:" + port(server), "--connections", "1",
                    "--duration", "300ms", "--warmup", "100ms", "--idle-window", "0", "--prof", "syscalls,gc",
                    "--out", dir.toString()}, stream(out), stream(err));

            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
            RunResult result = RunResultFile.read(dir.resolve(RunFiles.RESULT_JSON));
            assertThat(result.profile().asked()).containsExactly("syscalls", "gc");
            assertThat(result.profile().profilers()).allSatisfy(run ->
                    assertThat(run.reason()).isEqualTo("no server pid to profile (give --server-pid)"));
            assertThat(result.profiled()).isFalse();
        }
    }

    /** A closed-loop run of 1 s against a {@link PatternEchoServer} of {@code pattern}, its system calls counted. */
    private RunProfile.Syscalls profiledRun(String pattern, int connections, int idle) throws Exception {
        try (ChildJvm server = ChildJvm.start(PatternEchoServer.class.getName(), List.of(pattern), temp, "server")) {
            server.awaitLine(line -> line.startsWith("READY"), "READY");
            Path dir = temp.resolve(pattern);
            int code = LoadCommand.run(new String[] {"--target", "127.0.0.1:" + port(server), "--connections",
                    Integer.toString(connections), "--idle-connections", Integer.toString(idle), "--duration", "1s",
                    "--warmup", "500ms", "--idle-window", "0", "--server-pid", Long.toString(server.pid()),
                    "--client-io", "selector", "--prof", "syscalls", "--out", dir.toString()}, stream(out),
                    stream(err));

            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(dir.resolve(RunFiles.PERF_STAT)).exists();
            RunResult result = RunResultFile.read(dir.resolve(RunFiles.RESULT_JSON));
            assertThat(result.profiled()).as(err.toString(StandardCharsets.UTF_8)).isTrue();
            assertThat(result.throughput().messages()).isPositive();
            RunProfile.Syscalls syscalls = result.profile().syscalls();
            assertThat(syscalls.windowS()).isBetween(0.5, 5.0);
            return syscalls;
        }
    }

    /** Reads of any kind the JDK may make for a channel's read. */
    private static double reads(Map<String, Double> perMessage) {
        return perMessage.getOrDefault("read", 0.0) + perMessage.getOrDefault("recvfrom", 0.0)
                + perMessage.getOrDefault("readv", 0.0);
    }

    private static String port(ChildJvm server) throws Exception {
        return server.stdout().stream().filter(line -> line.startsWith("READY")).findFirst().orElseThrow()
                .substring("READY port=".length());
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
