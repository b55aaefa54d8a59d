package io.iobench.benchmarks;

import io.iobench.sweep.CpuPinning;
import io.iobench.sweep.ServerLaunch;
import io.iobench.sweep.ServerProcess;
import io.iobench.sweep.ServerStartException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One model's echo server for one trial, in its own JVM, started exactly as the sweep starts it
 * ({@link ServerProcess}, {@code io.iobench.server.ServerLauncher}) and placed as the sweep places it
 * ({@link CpuPinning#defaults()}: on a 2-core host the server on CPU 0, the client on CPU 1).
 *
 * <p>JMH cannot start its fork under {@code taskset}, so the fork, which is the client, moves itself onto the
 * client's CPUs once the server runs ({@link ClientAffinity}). Running JMH itself under {@code taskset} would not
 * do: the server inherits the affinity of the process that starts it.
 *
 * <p>Teardown stops the server with SIGTERM and fails the trial unless it exited 0: a server that crashed, hung
 * on close or lost a thread must not leave a clean-looking score behind.
 */
@State(Scope.Benchmark)
public class ServerUnderTest {

    /** Every model iobench has, as {@code iobench server --model} names them. */
    @Param({"thread-per-connection", "thread-pool", "virtual-threads", "busy-poll", "selector", "poll",
            "netty-epoll", "netty-io-uring", "netty-nio", "select"})
    public String model;

    private ServerProcess server;
    private Path log;

    @Setup(Level.Trial)
    public void start() throws IOException {
        CpuPinning pinning = CpuPinning.defaults();
        log = Files.createTempFile("iobench-jmh-" + model + "-", ".log");
        try {
            server = ServerProcess.start(ServerLaunch.of(model, log).pinnedTo(pinning.serverCpus()));
        } catch (ServerStartException e) {
            throw new IllegalStateException(e.getMessage() + lastLines(e.lastOutputLines()), e);
        }
        if (pinning.clientCpus().isPresent()) {
            ClientAffinity.pinThisJvm(pinning.clientCpus().get());
        }
        // Goes to JMH's log with the trial, so every result says where server and client ran.
        System.out.println("iobench: " + model + " server pid " + server.pid() + " on port " + server.port()
                + ", placement " + pinning);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        int exit = server.stop();
        if (exit != 0) {
            throw new IllegalStateException("the " + model + " server exited with code " + exit
                    + (server.wasKilled() ? " (killed: it did not close within "
                    + ServerProcess.STOP_TIMEOUT_MS + " ms of SIGTERM)" : "")
                    + "; its log is " + log + lastLines(server.lastOutputLines()));
        }
        Files.deleteIfExists(log);
    }

    InetSocketAddress address() {
        return server.address();
    }

    long pid() {
        return server.pid();
    }

    private static String lastLines(List<String> lines) {
        return lines.isEmpty() ? "" : "; its last lines:\n    " + String.join("\n    ", lines);
    }
}
