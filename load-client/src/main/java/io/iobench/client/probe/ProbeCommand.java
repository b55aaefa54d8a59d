package io.iobench.client.probe;

import io.iobench.client.proc.Machine;
import io.iobench.client.proc.ProcStat;
import io.iobench.client.proc.ProcessInfo;
import io.iobench.options.CommandShell;
import io.iobench.options.GoSignal;
import io.iobench.options.StopRequests;
import io.iobench.options.UsageException;
import io.iobench.results.ProbeResult;
import io.iobench.results.ProbeResultFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * {@code iobench probe}: measures a server's process on its own host, for load clients on other hosts that cannot
 * read its /proc, on their schedule, and writes what it found ({@link ProbeResult}).
 *
 * <pre>
 * iobench probe --pid 4242 --idle-window 2s --warmup 2s --duration 10s --connections 1000 --out probe.json
 * </pre>
 *
 * <p>On stdout: {@code PROBE-READY pid=PID} once it read the server's memory before any connection; after a line
 * {@code GO} on stdin (the line that releases the clients' {@code --await-go}), {@code GO clock_ms=<epoch ms>};
 * {@code PROBE-DONE} once the file is written. Exit codes: 0 measured; 1 the probe failed, and the file says why
 * (the server exited, no GO within 60 s, SIGINT or SIGTERM, end of stdin with {@code --exit-on-stdin-eof}); 2 a
 * usage error; 129, 130 or 143 for end of stdin, SIGINT or SIGTERM before GO, with nothing written: no run was
 * released. Each error is one line on stderr; {@code --debug} adds stack traces.
 */
public final class ProbeCommand {

    /** The line printed once the file is written, failed or not. */
    static final String DONE = "PROBE-DONE";

    private static final CommandShell SHELL = CommandShell.of("probe", ProbeOptions.USAGE);

    private ProbeCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs {@code iobench probe} with {@code args}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return SHELL.run(args, out, err, arguments -> {
            ProbeOptions options = ProbeOptions.parse(arguments);
            if (!ProcStat.alive(options.pid())) {
                throw new UsageException("--pid " + options.pid() + ": no such process");
            }
            if (Files.exists(options.out())) {
                throw new UsageException(options.out() + " exists already; give a new --out");
            }
            ProcessInfo server = ProcessInfo.read(options.pid());
            Machine machine = Machine.current();
            ProbeResult.Host host = new ProbeResult.Host(machine.hostname(), machine.kernel(), machine.cpuModel(),
                    machine.cores(), machine.jdk(), machine.tuning());
            try (StopRequests stop = StopRequests.onSignals()) {
                GoSignal go = new GoSignal();
                watchStdin(go, options.exitOnStdinEof(), stop);
                ProbeResult result = new ProbeRun(options, server, host, go, GoSignal.TIMEOUT, stop, out)
                        .reportingTo(err).execute();
                if (result == null) {
                    err.println("iobench probe: interrupted by " + stop.cause().orElseThrow().description()
                            + " before GO; nothing was written");
                    return stop.cause().orElseThrow().exitCode();
                }
                return write(result, options.out(), out, err);
            }
        });
    }

    private static int write(ProbeResult result, Path file, PrintStream out, PrintStream err) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        ProbeResultFile.write(result, file);
        if (result.failed()) {
            err.println("iobench probe: failed: " + result.failure());
        }
        out.println(DONE);
        out.flush();
        return result.failed() ? CommandShell.FAILED : CommandShell.OK;
    }

    /**
     * Reads stdin for GO. Its end before GO is a stop request (GO can no longer come); after GO only with
     * {@code --exit-on-stdin-eof}, so that {@code echo GO | iobench probe ...} runs through. The lines and the end
     * are read by one thread in order, so a GO just before the end is seen first.
     */
    private static void watchStdin(GoSignal go, boolean exitOnStdinEof, StopRequests stop) {
        AtomicBoolean released = new AtomicBoolean();
        Consumer<String> lines = line -> {
            if (line.strip().equals(GoSignal.GO)) {
                released.set(true);
            }
            go.accept(line);
        };
        StopRequests stdin = new StopRequests();
        stdin.onRequest(cause -> {
            if (exitOnStdinEof || !released.get()) {
                stop.request(cause);
            }
        });
        stdin.watchStdin(lines);
    }
}
