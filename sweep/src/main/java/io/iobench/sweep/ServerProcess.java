package io.iobench.sweep;

import io.iobench.server.ServerLauncher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A model's echo server running in its own JVM, started through {@link ServerLauncher}: the one way the sweep and
 * the JMH suites start servers.
 *
 * <pre>
 * try (ServerProcess server = ServerProcess.start(ServerLaunch.of("selector", log).pinnedTo(Optional.of("0")))) {
 *     connect to server.address() ...
 *     int exit = server.stop();   // SIGTERM; 0 when the server closed cleanly
 * }
 * </pre>
 */
public final class ServerProcess implements AutoCloseable {

    /** How long a server may take to close after SIGTERM before it is killed and counted as hung. */
    public static final long STOP_TIMEOUT_MS = 10_000;

    private static final int KEPT_LINES = 40;

    private final Process process;
    private final ServerLaunch launch;
    private final Deque<String> lastLines;
    private final ReadyLine ready;
    private final Thread pump;
    private final Thread stopAtExit;
    private volatile boolean killed;

    private ServerProcess(Process process, ServerLaunch launch, Deque<String> lastLines, ReadyLine ready, Thread pump) {
        this.process = process;
        this.pump = pump;
        this.launch = launch;
        this.lastLines = lastLines;
        this.ready = ready;
        // A server outlives the JVM that started it, and a busy-poll one would spin a core under every later run:
        // whoever forgets to stop it (a failed JMH trial, an uncaught error) still stops it at exit.
        this.stopAtExit = Thread.ofPlatform().name("stop-server-" + launch.model()).unstarted(this::stopProcess);
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /**
     * Starts the server and waits for its READY line. The server's stdin is a pipe this process holds and never
     * writes, and the server is told to stop when that pipe closes ({@code --exit-on-stdin-eof}): when this process
     * dies, however it dies, even by SIGKILL, which leaves no shutdown hook a chance.
     *
     * @throws ServerStartException when it exits or stays silent past {@link ServerLaunch#readyTimeout()}; the
     *         process is gone when this is thrown
     */
    public static ServerProcess start(ServerLaunch launch) throws IOException {
        List<String> command = JavaCommand.of(launch.cpuList(), launch.allJvmOptions(),
                ServerLauncher.class.getName(), launch.options().exitingOnStdinEof().toArguments());
        Files.createDirectories(launch.logFile().toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Deque<String> lastLines = new ArrayDeque<>();
        CompletableFuture<ReadyLine> ready = new CompletableFuture<>();
        Writer log = Files.newBufferedWriter(launch.logFile(), StandardCharsets.UTF_8);
        Thread pump = Thread.ofPlatform().daemon().name("server-output-" + launch.model())
                .start(() -> pumpOutput(process, log, lastLines, ready));
        try {
            return new ServerProcess(process, launch, lastLines,
                    ready.get(launch.readyTimeout().toMillis(), TimeUnit.MILLISECONDS), pump);
        } catch (TimeoutException e) {
            kill(process);
            throw new ServerStartException("server '" + launch.model() + "' printed no READY line within "
                    + launch.readyTimeout().toSeconds() + " s", snapshot(lastLines, pump));
        } catch (ExecutionException e) {
            kill(process);
            String exit = process.isAlive() ? "closed its output" : "exited with code " + process.exitValue();
            throw new ServerStartException("server '" + launch.model() + "' " + exit + " before it was ready",
                    snapshot(lastLines, pump));
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new ServerStartException("interrupted while waiting for server '" + launch.model() + "'",
                    snapshot(lastLines, pump));
        }
    }

    /** Copies the server's output into its log, keeps the last lines, and completes {@code ready} on READY. */
    private static void pumpOutput(Process process, Writer log, Deque<String> lastLines,
                                   CompletableFuture<ReadyLine> ready) {
        try (log; BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                log.write(line);
                log.write('\n');
                log.flush();
                synchronized (lastLines) {
                    if (lastLines.size() == KEPT_LINES) {
                        lastLines.removeFirst();
                    }
                    lastLines.addLast(line);
                }
                if (!ready.isDone()) {
                    ReadyLine.parse(line).ifPresent(ready::complete);
                }
            }
        } catch (IOException e) {
            // The process went away; whoever waits learns it from the exit code.
        }
        ready.completeExceptionally(new IOException("server output closed"));
    }

    private static List<String> snapshot(Deque<String> lastLines, Thread pump) {
        try {
            pump.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lastLines) {
            return List.copyOf(lastLines);
        }
    }

    /** Waits briefly for a process that is exiting by itself, then kills it and waits for it to be gone. */
    private static void kill(Process process) {
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.toHandle().destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(launch.options().bind(), ready.port());
    }

    public int port() {
        return ready.port();
    }

    /** @return the IO or worker threads the server said it runs; 0 for a thread per connection */
    public int ioThreads() {
        return ready.ioThreads();
    }

    /** @return the pid of the server JVM (taskset execs it, so this is the JVM itself) */
    public long pid() {
        return process.pid();
    }

    public ServerLaunch launch() {
        return launch;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** @return true when {@link #stop()} had to kill the server because it did not close after SIGTERM */
    public boolean wasKilled() {
        return killed;
    }

    /** @return the last lines the server printed (up to 40) */
    public List<String> lastOutputLines() {
        synchronized (lastLines) {
            return List.copyOf(lastLines);
        }
    }

    /**
     * Sends SIGTERM and waits up to {@link #STOP_TIMEOUT_MS} for the server to close its sockets and exit; kills it
     * after that. Returns its exit code: 0 for a clean stop, 137 when it was killed.
     */
    public int stop() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException e) {
            // The JVM is exiting and the hook runs, or ran, this same stop.
        }
        return stopProcess();
    }

    private int stopProcess() {
        try {
            if (process.isAlive()) {
                // Through the handle: Process.destroy() also closes our end of the pipe, and the server's last
                // lines (its STOPPED counters) would be lost.
                process.toHandle().destroy();
                if (!process.waitFor(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                    killed = true;
                    kill(process);
                }
            }
            int exit = process.waitFor();
            pump.join(2000); // the log is whole once its last lines are copied
            return exit;
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            return process.isAlive() ? -1 : process.exitValue();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }
}
