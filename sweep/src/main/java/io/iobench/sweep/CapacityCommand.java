package io.iobench.sweep;

import io.iobench.client.LoadOptions;
import io.iobench.options.CommandShell;
import io.iobench.options.Flags;
import io.iobench.options.Quantities;
import io.iobench.options.UsageException;
import io.iobench.results.SweepDirectory;
import io.iobench.sweep.capacity.Objective;
import io.iobench.sweep.capacity.SearchSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code iobench capacity} (also {@code iobench sweep --capacity}): for each model x connection count x size, the
 * highest open-loop rate that meets a latency objective ({@link CapacitySweep}).
 *
 * <pre>
 * iobench capacity [--slo p99=1ms] [--models a,b|all] [--connections 10,1000] [--sizes 64]
 *                  [--lowest-rate 5000] [--highest-rate 1m] [--ramp 2] [--precision 5%] [--repeat 3]
 *                  [--warmup 500ms] [--first-warmup 2s] [--duration 1s] [--threads [MODEL=]N,...]
 *                  [--server-jvm-opts "..."]
 *                  [--model-jvm-opts "..."] [--client-jvm-opts "..."] [--server-cpus 0] [--client-cpus 1]
 *                  [--no-pin] [--label capacity] [--out DIR] [--no-report] [--debug]
 * </pre>
 * The models, sizes, connection counts, JVM options and pinning are read as the sweep reads them
 * ({@link SweepCommand#plan}), with this command's defaults.
 */
public final class CapacityCommand {

    static final String USAGE = "usage: iobench capacity [--slo p99=1ms] [--models a,b|all] [--connections 10,1000]"
            + " [--sizes 64] [--lowest-rate 5000] [--highest-rate 1m] [--ramp 2] [--precision 5%] [--repeat 3]"
            + " [--warmup 500ms] [--first-warmup 2s] [--duration 1s] [--threads [MODEL=]N,...]"
            + " [--server-jvm-opts \"...\"]"
            + " [--model-jvm-opts \"MODEL=...[;MODEL=...]\"] [--client-jvm-opts \"...\"] [--server-cpus 0]"
            + " [--client-cpus 1] [--no-pin] [--label capacity] [--out DIR] [--no-report] [--debug]";

    /** The objective when none is given. */
    static final String DEFAULT_SLO = "p99=1ms";

    /** What a capacity run takes beside the sweep's own flags that it reads. */
    private static final Set<String> OWN = Set.of("slo", "lowest-rate", "highest-rate", "ramp", "precision",
            "first-warmup");
    private static final Set<String> SWEEP_VALUED = Set.of("models", "connections", "sizes", "warmup", "duration",
            "idle-window", "threads", "server-jvm-opts", "model-jvm-opts", "client-jvm-opts", "server-cpus",
            "client-cpus", "label", "out", "repeat");
    private static final Set<String> SWITCHES = Set.of("no-pin", "no-report");
    /** The sweep's defaults this command changes, given before the user's flags, which override them. */
    private static final List<String> DEFAULTS = List.of("--connections", "10,1000", "--warmup", "500ms", "--duration",
            "1s", "--idle-window", "0", "--label", "capacity");

    private static final CommandShell SHELL = CommandShell.of("capacity", USAGE);

    private CapacityCommand() {
    }

    /**
     * Runs a capacity search from the command line; {@code afterSweep} gets the results directory (the cli makes
     * the report there). Exit codes as the sweep's: 0 complete, 130/143 interrupted, 2 usage, 1 could not run.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Function<Path, Integer> afterSweep) {
        return SHELL.run(args, out, err, arguments -> {
            if (arguments.stream().anyMatch(a -> a.startsWith("--idle-window"))) {
                throw new UsageException("--idle-window is not a capacity option: probes have none");
            }
            List<String> withDefaults = new ArrayList<>(DEFAULTS);
            withDefaults.addAll(arguments);
            Set<String> valued = new HashSet<>(SWEEP_VALUED);
            valued.addAll(OWN);
            Flags flags = Flags.parse(withDefaults, valued, SWITCHES);
            Objective objective = Objective.parse("--slo", flags.stringValue("slo", DEFAULT_SLO));
            SearchSettings settings = settings(flags);
            Duration firstWarmup = flags.duration("first-warmup", "2s", Duration.ZERO);
            SweepPlan plan = SweepCommand.plan(flags, Clock.systemUTC());
            if (plan.threads().values().stream().anyMatch(counts -> counts.size() > 1)) {
                throw new UsageException("--threads takes one count per model in a capacity search, got "
                        + flags.required("threads"));
            }
            SweepDirectory results = SweepJob.createDirectory(flags.value("out").map(Path::of), plan.label(),
                    "capacity", args, CapacitySweep.manifestPlan(plan, settings));
            CapacitySweep sweep = new CapacitySweep(plan, firstWarmup, objective, settings, results, err,
                    Clock.systemUTC());
            return SweepJob.runToEnd(sweep, "capacity", !flags.has("no-report"), out, afterSweep);
        });
    }

    /** {@code --lowest-rate}, {@code --highest-rate}, {@code --ramp}, {@code --precision}, {@code --repeat}. */
    static SearchSettings settings(Flags flags) {
        long lowest = flags.count("lowest-rate", 5000, 1, LoadOptions.MAX_RATE);
        long highest = flags.count("highest-rate", 1_000_000, 1, LoadOptions.MAX_RATE);
        if (highest < lowest) {
            throw new UsageException("--highest-rate " + highest + " is under --lowest-rate " + lowest);
        }
        double ramp = number("--ramp", flags.stringValue("ramp", "2"));
        if (!(ramp >= 1.1 && ramp <= 100)) {
            throw new UsageException("--ramp must be 1.1 to 100, got " + flags.stringValue("ramp", "2"));
        }
        double precision = Quantities.parsePercent("--precision", flags.stringValue("precision", "5%"));
        if (!(precision >= 0.1 && precision <= 50)) {
            throw new UsageException("--precision must be 0.1% to 50%, got " + flags.stringValue("precision", ""));
        }
        return new SearchSettings(lowest, highest, ramp, precision, flags.intValue("repeat", 3, 1, 100));
    }

    private static double number(String option, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a number such as 2 or 1.5, got '" + text + "'");
        }
    }
}
