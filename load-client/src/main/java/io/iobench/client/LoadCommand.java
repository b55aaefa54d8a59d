package io.iobench.client;

import io.iobench.client.engine.Engine;
import io.iobench.client.engine.LocalRoute;
import io.iobench.client.proc.Machine;
import io.iobench.client.proc.ProcStat;
import io.iobench.client.proc.ProcessInfo;
import io.iobench.options.CommandShell;
import io.iobench.options.UsageException;
import io.iobench.results.HgrmFile;
import io.iobench.results.RunFiles;
import io.iobench.results.RunResult;
import io.iobench.results.RunResultFile;
import io.iobench.options.FileDescriptors;
import io.iobench.options.GoSignal;
import io.iobench.options.StopCause;
import io.iobench.options.StopRequests;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code iobench load}: drives one echo server with one load and writes the run's files.
 *
 * <pre>
 * iobench load --target 127.0.0.1:9000 --connections 100 --duration 10s --server-pid 4242 --out results/run1
 * </pre>
 *
 * It prints a progress line per second on stderr, a short summary and the result directory on stdout, and writes
 * {@code result.json}, {@code uncorrected.hgrm}, {@code corrected.hgrm} (open loop) and {@code latency.hlog} into
 * the directory given with {@code --out} (by default a new {@code results/load-yyyyMMdd-HHmmss}).
 *
 * <p>Exit codes: 0 the run completed (flags may be set); 1 the run failed ({@code result.json} says why) or the
 * target accepts no connection (nothing written); 2 a usage error (nothing written); 130 or 143 the run was ended
 * by SIGINT or SIGTERM, and 129 by end of stdin with {@code --exit-on-stdin-eof}: a cut-short run is no result, so
 * nothing is written and whatever it had written is deleted. Each error is one line on stderr; {@code --debug}
 * adds stack traces.
 */
public final class LoadCommand {

    /** What the run writes into its directory; an interrupted run leaves none of them. */
    private static final List<String> RUN_FILES =
            List.of(RunFiles.RESULT_JSON, RunFiles.UNCORRECTED_HGRM, RunFiles.CORRECTED_HGRM, RunFiles.HLOG,
                    RunFiles.PERF_STAT, RunFiles.SERVER_JFR, RunFiles.JFR_SETTINGS);

    private static final CommandShell SHELL = CommandShell.of("load", LoadOptions.USAGE);

    private LoadCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs {@code iobench load} with {@code args}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return SHELL.run(args, out, err, arguments -> {
            LoadOptions options = LoadOptions.parse(arguments);
            checkDescriptors(options);
            if (options.serverPid() != null && !ProcStat.alive(options.serverPid())) {
                throw new UsageException("--server-pid " + options.serverPid() + ": no such process");
            }
            if (Files.exists(options.out().resolve(RunFiles.RESULT_JSON))) {
                throw new UsageException(options.out() + " already holds a run; give a new --out");
            }
            try (StopRequests stop = StopRequests.onSignals()) {
                GoSignal go = options.awaitGo() ? new GoSignal() : null;
                if (go != null) {
                    stop.watchStdin(go);
                } else if (options.exitOnStdinEof()) {
                    stop.watchStdin();
                }
                return measure(options, stop, go, out, err);
            }
        });
    }

    private static int measure(LoadOptions options, StopRequests stop, GoSignal go, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        Machine machine = Machine.current();
        ProcessInfo client = ProcessInfo.self();
        ProcessInfo server = options.serverPid() == null ? null : ProcessInfo.read(options.serverPid());
        Engine.checkListening(options.target(), options.connectTimeout());
        boolean madeDir = !Files.isDirectory(options.out());
        Path dir = Files.createDirectories(options.out());
        RunFacts facts = new LoadRun(options, dir, err, stop).awaitingGo(go, out).execute();
        if (stop.requested()) {
            return interrupted(stop.cause().orElseThrow(), dir, madeDir, err);
        }
        RunResult result = facts.toResult(options, machine, client, server, LocalRoute.to(options.target()));
        HgrmFile.write(dir.resolve(RunFiles.UNCORRECTED_HGRM), facts.drained().uncorrected());
        if (facts.drained().corrected() != null) {
            HgrmFile.write(dir.resolve(RunFiles.CORRECTED_HGRM), facts.drained().corrected());
        }
        RunResultFile.write(result, dir.resolve(RunFiles.RESULT_JSON));
        RunSummary.print(out, result, facts.drained().recorder().clamped(),
                facts.window() == null ? 0 : facts.window().spinS(), dir);
        return result.flags().failed() ? CommandShell.FAILED : CommandShell.OK;
    }

    /**
     * Deletes what the interrupted run wrote, and its directory when the run made it, and says so in one line.
     *
     * @return the exit code of {@code cause}
     */
    private static int interrupted(StopCause cause, Path dir, boolean madeDir, PrintStream err) throws IOException {
        for (String file : RUN_FILES) {
            Files.deleteIfExists(dir.resolve(file));
        }
        if (madeDir) {
            try {
                Files.deleteIfExists(dir);
            } catch (DirectoryNotEmptyException e) {
                // Something else wrote there meanwhile; it is not the run's to delete.
            }
        }
        err.println("iobench load: interrupted by " + cause.description() + "; the run was not written");
        return cause.exitCode();
    }

    /** Refuses a run that would run out of descriptors half-way, which would measure the client's limit. */
    private static void checkDescriptors(LoadOptions options) {
        long limit = FileDescriptors.limit();
        if (options.descriptorsNeeded() > limit) {
            throw new UsageException(options.connections() + options.idleConnections() + " connections need "
                    + options.descriptorsNeeded() + " file descriptors (with " + LoadOptions.DESCRIPTOR_RESERVE
                    + " for the JVM itself) but this process may open " + limit + "; raise ulimit -n or use fewer");
        }
    }
}
