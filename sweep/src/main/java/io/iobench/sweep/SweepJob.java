package io.iobench.sweep;

import io.iobench.options.CommandShell;
import io.iobench.options.StopCause;
import io.iobench.options.StopRequests;
import io.iobench.options.UsageException;
import io.iobench.results.SweepDirectory;
import io.iobench.results.SweepManifest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What {@code sweep} and {@code capacity} share around their runs: the results directory they fill, and the run
 * itself, stopped by SIGINT or SIGTERM and cleaned up however it ends, its report made after it.
 */
interface SweepJob {

    /** Runs every round or search; false when interrupted before the end. */
    boolean run() throws IOException;

    /** @return the results directory */
    Path directory();

    /** Stops the run in progress; safe to call from a signal handler. */
    void interrupt();

    /** Kills whatever child process is still running; for a shutdown hook. */
    void killChildren();

    /**
     * The results directory: {@code --out DIR} ({@code chosen}), or a new {@code results/<timestamp>-<label>/}
     * under the iobench home, recording {@code iobench <commandName> args...}; an existing one is a usage error.
     */
    static SweepDirectory createDirectory(Optional<Path> chosen, String label, String commandName, String[] args,
                                          SweepManifest.Plan plan) throws IOException {
        Path root = Path.of(System.getProperty(SweepCommand.HOME_PROPERTY, ".")).resolve("results");
        List<String> command = new ArrayList<>(List.of("iobench", commandName));
        command.addAll(Arrays.asList(args));
        try {
            return SweepDirectory.create(chosen.orElse(null), root, label, Clock.systemUTC().instant(), command,
                    plan);
        } catch (FileAlreadyExistsException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * Runs {@code job} with SIGINT and SIGTERM wired to {@link #interrupt()} and its children killed at exit, prints
     * its directory, and hands that to {@code afterSweep} when it completed and {@code report} is asked. Returns 0
     * (or the report's code) when complete, 130 or 143 when interrupted, as a shell reports either signal.
     */
    static int runToEnd(SweepJob job, String name, boolean report, PrintStream out,
                        Function<Path, Integer> afterSweep) throws IOException {
        Runtime.getRuntime().addShutdownHook(new Thread(job::killChildren, name + "-cleanup"));
        try (StopRequests stop = StopRequests.onSignals()) {
            stop.onRequest(cause -> job.interrupt());
            boolean complete = job.run();
            out.println(job.directory());
            if (!complete) {
                // Without a signal the run was interrupted from within (its thread was): as for Ctrl-C.
                return stop.cause().orElse(StopCause.SIGINT).exitCode();
            }
            return report ? afterSweep.apply(job.directory()) : CommandShell.OK;
        } finally {
            job.killChildren();
        }
    }
}
