package io.iobench.sweep;

import io.iobench.client.LoadOptions;
import io.iobench.results.RunFiles;
import io.iobench.results.RunResult;
import io.iobench.results.RunResultFile;
import io.iobench.server.IoModel;
import io.iobench.server.IoModels;
import io.iobench.server.LauncherOptions;
import io.iobench.server.Threading;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures each repetition with processes of its own: the model's server in a fresh JVM pinned to the server's
 * CPUs, and, once it is READY, {@code iobench load} in a fresh JVM pinned to the client's; then the server is
 * stopped with SIGTERM. No repetition inherits another's JIT, heap or threads.
 *
 * <p>A server that will not start, dies, or hangs on SIGTERM makes that run failed, with the reason and its last
 * line of output. {@link #interrupt()} terminates the client in progress, which ends the run.
 */
final class FreshProcesses implements Measurement {

    private final SweepPlan plan;
    private final PrintStream log;
    private final Clock clock;
    private volatile boolean interrupted;
    private volatile LoadProcess currentLoad;
    private volatile ServerProcess currentServer;

    /** {@code log} gets the client's output, echoed line by line. */
    FreshProcesses(SweepPlan plan, PrintStream log, Clock clock) {
        this.plan = plan;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void interrupt() {
        interrupted = true;
        LoadProcess load = currentLoad;
        if (load != null) {
            load.terminate();
        }
    }

    @Override
    public void killChildren() {
        LoadProcess load = currentLoad;
        if (load != null) {
            load.kill();
        }
        ServerProcess server = currentServer;
        if (server != null) {
            server.close();
        }
    }

    /**
     * Runs one repetition of a point and returns its result: the client's own, or, when something went wrong around
     * it, that result marked failed (or a bare failed one when the client left none), written back into the scratch
     * directory so that result.json and the manifest agree.
     */
    @Override
    public RunResult measure(SweepPoint point, int repetition, Path scratch) throws IOException {
        List<String> problems = new ArrayList<>();
        String startedAt = clock.instant().toString();
        ServerLaunch launch = new ServerLaunch(LauncherOptions.of(point.model()).withThreads(launcherThreads(point)),
                plan.serverJvmOptions(point.model(), scratch.resolve(RunFiles.GC_LOG)), plan.pinning().serverCpus(),
                scratch.resolve(RunFiles.SERVER_LOG),
                ServerLaunch.READY_TIMEOUT);
        try (ServerProcess server = ServerProcess.start(launch)) {
            currentServer = server;
            int exit = runClient(point, repetition, server, scratch);
            if (exit == LoadProcess.TIMED_OUT) {
                problems.add("client did not finish within " + plan.runTimeout(point).toSeconds() + " s and was killed");
            } else if (exit != 0 && exit != 1 && !interrupted) {
                problems.add("client exited with code " + exit);
            }
            problems.addAll(stop(server));
        } catch (ServerStartException e) {
            problems.add(e.getMessage() + lastLine(e.lastOutputLines()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interrupted = true;
        } finally {
            currentServer = null;
            currentLoad = null;
        }
        return settle(plan, point, scratch, problems, startedAt);
    }

    /**
     * The result a run's scratch directory holds once its processes are done: the client's own when nothing went
     * wrong, else that result marked failed with {@code problems} (or a bare failed one when the client left none),
     * written back so that result.json and the manifest agree. The sweep's runs and the capacity search's probes
     * both end here.
     */
    static RunResult settle(SweepPlan plan, SweepPoint point, Path scratch, List<String> problems, String startedAt)
            throws IOException {
        Path file = scratch.resolve(RunFiles.RESULT_JSON);
        RunResult result = readResult(file, problems);
        if (problems.isEmpty() && result != null) {
            return result; // the client's own file stands as written
        }
        if (result == null && problems.isEmpty()) {
            problems.add("client wrote no result");
        }
        String reason = String.join("; ", problems);
        RunResult failed = result != null ? result.withFailure(reason)
                : RunResult.failed(plan.resultPoint(point), seconds(plan.warmup()), seconds(plan.duration()),
                        startedAt, reason);
        RunResultFile.write(failed, file);
        return failed;
    }

    /**
     * The server's {@code --threads} for a point: the plan's, else, for a pool, one worker per connection (active
     * and idle, since a worker is held for a connection's life): a pool smaller than its connections starves the
     * rest, which is what the plan's thread axis is for, not a default. Other models run their own default.
     */
    static Integer launcherThreads(SweepPoint point) {
        if (point.threads() != null) {
            return point.threads();
        }
        Threading threading = IoModels.named(point.model()).map(IoModel::threading).orElse(Threading.SINGLE);
        return threading == Threading.POOL ? Math.max(1, point.connections() + point.idleConnections()) : null;
    }

    /** Stops the server; what went wrong, if anything: it died during the run, hung on SIGTERM, or exited badly. */
    static List<String> stop(ServerProcess server) {
        if (!server.isAlive()) {
            return List.of("server died during the run (exit code " + server.stop() + ")"
                    + lastLine(server.lastOutputLines()));
        }
        int code = server.stop();
        if (server.wasKilled()) {
            return List.of("server did not exit within " + ServerProcess.STOP_TIMEOUT_MS / 1000
                    + " s of SIGTERM and was killed" + lastLine(server.lastOutputLines()));
        }
        return code == 0 ? List.of()
                : List.of("server exited with code " + code + " on SIGTERM" + lastLine(server.lastOutputLines()));
    }

    private int runClient(SweepPoint point, int repetition, ServerProcess server, Path scratch)
            throws IOException, InterruptedException {
        LoadOptions options = plan.loadOptions(point, repetition, server.address(), server.pid(),
                server.ioThreads(), scratch);
        LoadProcess load = LoadProcess.start(plan.pinning().clientCpus(), plan.clientJvmOptions(), options,
                scratch.resolve(RunFiles.CLIENT_LOG), log);
        currentLoad = load;
        if (interrupted) {
            load.terminate();
        }
        return load.await(plan.runTimeout(point));
    }

    private static RunResult readResult(Path file, List<String> problems) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return RunResultFile.read(file);
        } catch (IOException e) {
            problems.add("client wrote an unreadable " + file.getFileName() + ": " + e.getMessage());
            return null;
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    static String lastLine(List<String> lines) {
        return lines.isEmpty() ? "" : "; last output: " + lines.get(lines.size() - 1);
    }
}
