package io.iobench.client.probe;

import io.iobench.client.LoadOptions;
import io.iobench.client.profile.Profilers;
import io.iobench.options.Flags;
import io.iobench.options.Quantities;
import io.iobench.options.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The options of {@code iobench probe}: which server to watch, the clients' schedule it must follow, and where its
 * file goes. The schedule's three durations have no defaults: a probe left at a default the clients were not given
 * would measure their warm-up as its idle window, silently. {@link #parse} reads the command line and
 * {@link #toArguments()} writes one it reads back as the same options, for whoever starts a probe on another host.
 *
 * @param pid            the server's process id, on this host
 * @param idleWindow     the clients' idle window after GO: connections open, nothing sent; zero for none
 * @param warmup         the clients' warm-up after it
 * @param duration       the clients' measured window
 * @param connections    connections the clients hold open, active and idle together, for the memory each costs
 *                       the server; 0 when not given
 * @param out            the file the probe writes its {@link io.iobench.results.ProbeResult} to
 * @param exitOnStdinEof whether end of stdin after GO ends the probe (before GO it always does: GO can no longer
 *                       come)
 * @param profilers      the profilers of the server over the measured window ({@code --prof}), as
 *                       {@link LoadOptions#profilers()} takes them; their files go beside {@code out}
 */
public record ProbeOptions(long pid, Duration idleWindow, Duration warmup, Duration duration, int connections,
                           Path out, boolean exitOnStdinEof, List<String> profilers) {

    static final String USAGE = "usage: iobench probe --pid PID --idle-window DUR --warmup DUR --duration DUR"
            + " [--connections N] --out FILE [--prof NAME[,NAME]] [--exit-on-stdin-eof] [--debug]\n"
            + "  measures server process PID on this host for load clients on others, on their schedule: it reads\n"
            + "  the server's memory, prints 'PROBE-READY pid=PID', waits (60 s at most) for a line GO on stdin, prints\n"
            + "  'GO clock_ms=<epoch ms>', then follows the idle window, the warm-up and the measured window the\n"
            + "  clients were given, writes FILE (schema iobench-probe/1) and prints PROBE-DONE\n"
            + "  exit 0 measured; 1 failed (FILE says why: the server exited, no GO came, SIGTERM); 2 usage;\n"
            + "  129, 130 or 143 when end of stdin, SIGINT or SIGTERM came before GO (nothing written)\n"
            + "  --exit-on-stdin-eof  end of stdin after GO fails the probe too: for a starter holding a pipe to it\n"
            + "  --prof NAME[,NAME]   profile the server over the window (syscalls, jfr, gc: see load --help);\n"
            + "                       FILE's profile part holds what was found, the profilers' files go beside FILE";

    private static final Set<String> VALUED = Set.of("pid", "idle-window", "warmup", "duration", "connections",
            "out", "prof");
    private static final String EXIT_ON_STDIN_EOF = "exit-on-stdin-eof";

    public ProbeOptions {
        Objects.requireNonNull(out, "out");
        profilers = profilers == null ? List.of() : List.copyOf(profilers);
        if (pid < 1) {
            throw new UsageException("--pid must be at least 1, got " + pid);
        }
        LoadOptions.checkIdleWindow(idleWindow);
        if (warmup.isNegative()) {
            throw new UsageException("--warmup must be at least 0, got " + Quantities.format(warmup));
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new UsageException("--duration must be more than 0, got " + Quantities.format(duration));
        }
        if (connections < 0) {
            throw new UsageException("--connections must be at least 0, got " + connections);
        }
    }

    /** Options without profilers, as every starter made them before {@code --prof}. */
    public ProbeOptions(long pid, Duration idleWindow, Duration warmup, Duration duration, int connections, Path out,
                        boolean exitOnStdinEof) {
        this(pid, idleWindow, warmup, duration, connections, out, exitOnStdinEof, List.of());
    }

    /** These options with the profilers {@code names}; empty for none. */
    public ProbeOptions withProfilers(List<String> names) {
        return new ProbeOptions(pid, idleWindow, warmup, duration, connections, out, exitOnStdinEof, names);
    }

    /** Reads the command line; {@code --help} and {@code --debug} are the command shell's. */
    public static ProbeOptions parse(List<String> args) {
        Flags flags = Flags.parse(args, VALUED, Set.of(EXIT_ON_STDIN_EOF));
        return new ProbeOptions(Quantities.parseCount("--pid", flags.required("pid")),
                Quantities.parseDuration("--idle-window", flags.required("idle-window")),
                Quantities.parseDuration("--warmup", flags.required("warmup")),
                Quantities.parseDuration("--duration", flags.required("duration")),
                flags.intValue("connections", 0, 0, Integer.MAX_VALUE), Path.of(flags.required("out")),
                flags.has(EXIT_ON_STDIN_EOF),
                flags.has("prof") ? Profilers.parse(flags.required("prof")) : List.of());
    }

    /** The command line {@link #parse} reads back as these options, a flag for every value. */
    public List<String> toArguments() {
        List<String> args = new ArrayList<>(List.of(
                "--pid", Long.toString(pid),
                "--idle-window", Quantities.format(idleWindow),
                "--warmup", Quantities.format(warmup),
                "--duration", Quantities.format(duration),
                "--connections", Integer.toString(connections),
                "--out", out.toString()));
        if (exitOnStdinEof) {
            args.add("--" + EXIT_ON_STDIN_EOF);
        }
        if (!profilers.isEmpty()) {
            args.addAll(List.of("--prof", String.join(",", profilers)));
        }
        return args;
    }

    /** The class whose {@code main} runs {@code iobench probe}, for a launcher that starts it in a JVM of its own. */
    public static String mainClass() {
        return ProbeCommand.class.getName();
    }
}
