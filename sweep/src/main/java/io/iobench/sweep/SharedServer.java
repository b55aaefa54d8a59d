package io.iobench.sweep;

import io.iobench.client.LoadOptions;
import io.iobench.results.RunFiles;
import io.iobench.results.RunResult;
import io.iobench.server.LauncherOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * One model's server in its own JVM, kept for every probe of a capacity search, each probe a fresh
 * {@code iobench load} process against it, exactly as the sweep starts one ({@link LoadProcess}). The server is
 * shared because a search asks one question of one server, how much load it carries, and a fresh JVM per probe
 * would measure each probe's rate on a cold server: its JIT, heap and thread pools are warmed by the probes before.
 * The client is fresh for each probe, as in a sweep, so no probe inherits the last one's backlog or connections,
 * and each probe's own warm-up warms the client.
 */
final class SharedServer implements AutoCloseable {

    /** Repetition number given to {@link SweepPlan#loadOptions}: past the first, so no probe has an idle window. */
    private static final int NOT_FIRST = 2;

    private final SweepPlan plan;
    private final SweepPlan firstPlan;
    private final ServerProcess server;
    private final PrintStream log;
    private final Clock clock;
    private volatile LoadProcess currentLoad;

    private SharedServer(SweepPlan plan, SweepPlan firstPlan, ServerProcess server, PrintStream log, Clock clock) {
        this.plan = plan;
        this.firstPlan = firstPlan;
        this.server = server;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Starts {@code point}'s model with the sweep's threads, JVM options and pinning, logging to {@code logFile};
     * the first probe runs {@code firstPlan}'s warm-up, which warms the server too, the others {@code plan}'s.
     *
     * @throws ServerStartException when it does not start
     */
    static SharedServer start(SweepPlan plan, SweepPlan firstPlan, SweepPoint point, Path logFile, PrintStream log,
                              Clock clock) throws IOException {
        ServerLaunch launch = new ServerLaunch(
                LauncherOptions.of(point.model()).withThreads(FreshProcesses.launcherThreads(point)),
                plan.serverJvmOptions(point.model()), plan.pinning().serverCpus(), logFile, ServerLaunch.READY_TIMEOUT);
        return new SharedServer(plan, firstPlan, ServerProcess.start(launch), log, clock);
    }

    /**
     * Runs one probe of {@code point} (an open-loop point at its rate; the search's {@code first} with the longer
     * warm-up) into {@code scratch} and returns its result:
     * the client's own, or one marked failed with the reason (the client did not finish, the server died), written
     * back into the scratch directory.
     */
    RunResult probe(SweepPoint point, boolean first, Path scratch) throws IOException, InterruptedException {
        SweepPlan plan = first ? firstPlan : this.plan;
        List<String> problems = new ArrayList<>();
        String startedAt = clock.instant().toString();
        if (!server.isAlive()) {
            problems.add("server died before the probe (exit code " + server.stop() + ")"
                    + FreshProcesses.lastLine(server.lastOutputLines()));
        } else {
            LoadOptions options = plan.loadOptions(point, NOT_FIRST, server.address(), server.pid(),
                    server.ioThreads(), scratch);
            LoadProcess load = LoadProcess.start(plan.pinning().clientCpus(), plan.clientJvmOptions(), options,
                    scratch.resolve(RunFiles.CLIENT_LOG), log);
            currentLoad = load;
            int exit;
            try {
                exit = load.await(plan.runTimeout(point));
            } finally {
                currentLoad = null;
            }
            if (exit == LoadProcess.TIMED_OUT) {
                problems.add("client did not finish within " + plan.runTimeout(point).toSeconds()
                        + " s and was killed");
            } else if (exit != 0 && exit != 1) {
                problems.add("client exited with code " + exit);
            }
            if (!server.isAlive()) {
                problems.add("server died during the run (exit code " + server.stop() + ")"
                        + FreshProcesses.lastLine(server.lastOutputLines()));
            }
        }
        return FreshProcesses.settle(plan, point, scratch, problems, startedAt);
    }

    /** Asks the probe in progress to stop (SIGTERM), for an interrupted search. */
    void interrupt() {
        LoadProcess load = currentLoad;
        if (load != null) {
            load.terminate();
        }
    }

    /** Kills the probe's client, for a shutdown hook; the server is stopped by {@link #close}. */
    void killClient() {
        LoadProcess load = currentLoad;
        if (load != null) {
            load.kill();
        }
    }

    /** Stops the server (SIGTERM, SIGKILL after 10 s); what went wrong, if anything. */
    List<String> stop() {
        return FreshProcesses.stop(server);
    }

    @Override
    public void close() {
        server.close();
    }
}
