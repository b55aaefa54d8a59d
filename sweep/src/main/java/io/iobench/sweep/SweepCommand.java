package io.iobench.sweep;

import io.iobench.client.LoadOptions;
import io.iobench.options.CommandShell;
import io.iobench.options.FileDescriptors;
import io.iobench.options.Flags;
import io.iobench.options.Quantities;
import io.iobench.options.UsageException;
import io.iobench.results.SweepDirectory;
import io.iobench.server.IoModel;
import io.iobench.server.LauncherOptions;
import io.iobench.server.Threading;
import io.iobench.server.IoModels;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code iobench sweep}: every model x connection count x size, each server in its own pinned JVM.
 *
 * <pre>
 * iobench sweep [--models a,b|all] [--connections 1,10,100,1000] [--idle-connections 0] [--sizes 64]
 *               [--rates R1,R2] [--no-closed-loop] [--pipeline 1] [--duration 10s] [--warmup 3s]
 *               [--idle-window 2s] [--threads [MODEL=]N[/N...],...] [--server-jvm-opts "..."]
 *               [--model-jvm-opts "MODEL=...[;MODEL=...]"] [--client-jvm-opts "..."]
 *               [--server-cpus 0] [--client-cpus 1] [--no-pin] [--repeat 1] [--until-ci P% [--max-repeat 10]]
 *               [--seed S] [--no-rerun] [--label sweep] [--out DIR] [--no-report] [--debug]
 *               [--server-host [user@]HOST --client-hosts [user@]HOST[,...] | --hosts FILE]
 *               [--ssh-config FILE] [--work-dir .iobench-work] [--prof NAME[,NAME]]
 * </pre>
 * Results go to {@code --out DIR}, or a new {@code results/<timestamp>-<label>/} under the iobench home. Each point
 * runs {@code --repeat} times, in rounds shuffled from {@code --seed} (by default the clock's milliseconds, recorded
 * in the manifest); {@code --until-ci} adds rounds until each point's msgs/s is pinned down; {@code --no-rerun}
 * keeps noisy runs marked without running them again. With {@code --server-host} and {@code --client-hosts} (or
 * {@code --hosts FILE}, {@link HostsFile}) the server runs on one host and a client on each of the others, over
 * the system ssh ({@link RemoteProcesses}); {@code --server-cpus}, {@code --client-cpus} and {@code --no-pin} are
 * then the hosts file's {@code cpus}.
 */
public final class SweepCommand {

    static final String USAGE = "usage: iobench sweep [--models a,b] [--connections 1,10,100,1000]"
            + " [--idle-connections 0] [--sizes 64] [--rates R1,R2] [--no-closed-loop] [--pipeline 1]"
            + " [--duration 10s] [--warmup 3s] [--idle-window 2s] [--threads [MODEL=]N[/N...],...]"
            + " [--server-jvm-opts \"...\"] [--model-jvm-opts \"MODEL=...[;MODEL=...]\"]"
            + " [--client-jvm-opts \"...\"] [--server-cpus 0] [--client-cpus 1] [--no-pin] [--repeat 1]"
            + " [--until-ci P% [--max-repeat 10]] [--seed S] [--no-rerun] [--label NAME] [--out DIR] [--no-report]"
            + " [--server-host [user@]HOST --client-hosts [user@]HOST[,...] | --hosts FILE] [--ssh-config FILE]"
            + " [--work-dir DIR] [--prof syscalls,jfr,gc] [--debug]";

    /** Makes a sweep a capacity search ({@link CapacityCommand}). */
    static final String CAPACITY = "--capacity";

    /** The most rounds {@code --until-ci} runs a point in, unless {@code --max-repeat} says otherwise. */
    static final int DEFAULT_MAX_REPEAT = 10;
    /** The most rounds any sweep may ask for. */
    static final int MAX_ROUNDS = 1000;

    /** Where {@code results/} lives: the repository root, passed by scripts/iobench as -Diobench.home. */
    static final String HOME_PROPERTY = "iobench.home";

    private static final Set<String> VALUED = Set.of("models", "connections", "idle-connections", "sizes", "rates",
            "pipeline", "duration", "warmup", "idle-window", "threads", "server-jvm-opts", "model-jvm-opts",
            "client-jvm-opts",
            "server-cpus", "client-cpus", "label", "out", "repeat", "until-ci", "max-repeat", "seed", "server-host",
            "client-hosts", "hosts", "ssh-config", "work-dir",
            "prof");
    private static final Set<String> SWITCHES = Set.of("no-closed-loop", "no-pin", "no-report", "no-rerun");


    private static final CommandShell SHELL = CommandShell.of("sweep", USAGE);

    private SweepCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, dir -> 0));
    }

    /**
     * Runs a sweep from the command line; {@code afterSweep} gets the results directory (the cli makes the report
     * there) and its exit code is returned when the sweep itself succeeded. Returns 0 when complete, 130 when
     * interrupted by SIGINT and 143 by SIGTERM (what a shell reports for a process either signal ended), 2 for
     * usage errors, 1 when the sweep could not run.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Function<Path, Integer> afterSweep) {
        if (Arrays.asList(args).contains(CAPACITY)) {
            // iobench sweep --capacity --slo p99=1ms: the capacity search, with the same flags as iobench capacity.
            return CapacityCommand.run(Arrays.stream(args).filter(a -> !a.equals(CAPACITY)).toArray(String[]::new),
                    out, err, afterSweep);
        }
        return SHELL.run(args, out, err, arguments -> {
            Flags flags = Flags.parse(arguments, VALUED, SWITCHES);
            SweepPlan plan = plan(flags, Clock.systemUTC());
            Optional<SweepHosts> hosts = SweepHosts.from(flags);
            SweepDirectory results = SweepJob.createDirectory(flags.value("out").map(Path::of), plan.label(),
                    "sweep", args, plan.manifestPlan());
            Measurement measurement = hosts.isPresent()
                    ? RemoteProcesses.prepare(plan, hosts.get(), results.path().getFileName().toString(), err,
                            Clock.systemUTC())
                    : new FreshProcesses(plan, err, Clock.systemUTC());
            Sweep sweep = new Sweep(plan, results, err, Clock.systemUTC(), measurement);
            return SweepJob.runToEnd(sweep, "sweep", !flags.has("no-report"), out, afterSweep);
        });
    }

    static SweepPlan plan(Flags flags, Clock clock) {
        List<String> known = IoModels.all().stream().map(IoModel::name).toList();
        List<String> models = flags.value("models").filter(v -> !v.equals("all"))
                .map(v -> Quantities.parseList("--models", v)).orElse(known);
        for (String model : models) {
            if (!known.contains(model)) {
                throw new UsageException("unknown model '" + model + "'; known models: " + String.join(", ", known));
            }
        }
        List<Long> rates = flags.has("rates") ? flags.counts("rates", "", 1, LoadOptions.MAX_RATE) : List.of();
        boolean closedLoop = !flags.has("no-closed-loop");
        if (!closedLoop && rates.isEmpty()) {
            throw new UsageException("--no-closed-loop leaves nothing to run without --rates");
        }
        Duration idleWindow = flags.duration("idle-window", "2s", Duration.ZERO);
        LoadOptions.checkIdleWindow(idleWindow);
        SweepPlan plan = new SweepPlan(flags.stringValue("label", "sweep"), models,
                ints(flags.counts("connections", "1,10,100,1000", 1, Integer.MAX_VALUE)),
                ints(flags.counts("idle-connections", "0", 0, Integer.MAX_VALUE)),
                ints(flags.sizes("sizes", "64", 1, LoadOptions.MAX_SIZE_BYTES)), rates, closedLoop,
                flags.intValue("pipeline", 1, 1, 1024), flags.duration("warmup", "3s", Duration.ZERO),
                flags.duration("duration", "10s", Duration.ofMillis(100)), idleWindow,
                threads(flags, models), flags.words("server-jvm-opts"), modelJvmOptions(flags, models),
                flags.words("client-jvm-opts"), pinning(flags), repetitions(flags, clock),
                flags.has("prof") ? LoadOptions.parseProfilers(flags.required("prof")) : List.of());
        checkDescriptors(plan);
        return plan;
    }

    /**
     * {@code --repeat N} (1), {@code --until-ci P%} with {@code --max-repeat M} ({@value #DEFAULT_MAX_REPEAT}), and
     * {@code --seed S}, by default the clock's milliseconds: a sweep's order can be made again from its manifest.
     */
    static Repetitions repetitions(Flags flags, Clock clock) {
        int repeat = flags.intValue("repeat", 1, 1, MAX_ROUNDS);
        long seed = flags.count("seed", clock.millis(), 0, Long.MAX_VALUE);
        if (!flags.has("until-ci")) {
            if (flags.has("max-repeat")) {
                throw new UsageException("--max-repeat bounds --until-ci; without it every point runs --repeat times");
            }
            return Repetitions.exactly(repeat, seed).rerunningNoisy(!flags.has("no-rerun"));
        }
        double pct = Quantities.parsePercent("--until-ci", flags.required("until-ci"));
        if (!(pct > 0 && pct < 100)) {
            throw new UsageException("--until-ci must be above 0% and under 100%, got " + flags.required("until-ci"));
        }
        int maxRepeat = flags.intValue("max-repeat", Math.max(DEFAULT_MAX_REPEAT, repeat), 1, MAX_ROUNDS);
        if (maxRepeat < repeat) {
            throw new UsageException("--max-repeat " + maxRepeat + " is under --repeat " + repeat);
        }
        return new Repetitions(repeat, pct, maxRepeat, seed, !flags.has("no-rerun"));
    }

    /** Refuses a plan whose largest point needs more descriptors than this host lets the client open. */
    private static void checkDescriptors(SweepPlan plan) {
        long limit = FileDescriptors.limit();
        for (SweepPoint point : plan.points()) {
            long needed = LoadOptions.descriptorsNeeded(point.connections(), point.idleConnections());
            if (needed > limit) {
                throw new UsageException(point.id() + " needs " + needed + " descriptors but this host allows "
                        + limit + " (ulimit -n); lower --connections or --idle-connections");
            }
        }
    }

    /**
     * {@code --model-jvm-opts}: entries separated by semicolons (JVM options may hold commas), each
     * {@code MODEL=OPTIONS} with the options separated by spaces: {@code "selector=-Xint;thread-pool=-Xss256k"}.
     */
    static Map<String, List<String>> modelJvmOptions(Flags flags, List<String> models) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (String entry : flags.stringValue("model-jvm-opts", "").split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String model = equals < 0 ? entry.strip() : entry.substring(0, equals).strip();
            if (equals < 0 || !models.contains(model)) {
                throw new UsageException("--model-jvm-opts takes MODEL=OPTIONS with a model of the sweep ("
                        + String.join(", ", models) + "), got '" + entry.strip() + "'");
            }
            List<String> words = Arrays.stream(entry.substring(equals + 1).strip().split("\\s+"))
                    .filter(w -> !w.isEmpty()).toList();
            if (words.isEmpty() || options.put(model, words) != null) {
                throw new UsageException("--model-jvm-opts names " + model + (words.isEmpty()
                        ? " without options" : " twice"));
            }
        }
        return options;
    }

    /**
     * {@code --threads}: entries separated by commas, each {@code N} (every model of the plan that takes threads)
     * or {@code MODEL=N} for one model, where N may be several counts separated by {@code /}, each a point of its
     * own: {@code thread-pool=8/64/512,selector=2}. {@code default} gives none.
     */
    static Map<String, List<Integer>> threads(Flags flags, List<String> models) {
        String text = flags.stringValue("threads", "default");
        Map<String, List<Integer>> threads = new LinkedHashMap<>();
        if (text.equals("default")) {
            return threads;
        }
        for (String entry : Quantities.parseList("--threads", text)) {
            int equals = entry.indexOf('=');
            List<Integer> counts = threadCounts(equals < 0 ? entry : entry.substring(equals + 1));
            if (equals < 0) {
                models.stream().filter(model -> threading(model).takesThreads())
                        .forEach(model -> threads.put(model, counts));
                continue;
            }
            String model = entry.substring(0, equals);
            if (!models.contains(model)) {
                throw new UsageException("--threads names " + model + ", which is not a model of this sweep");
            }
            if (!threading(model).takesThreads()) {
                throw new UsageException("--threads " + entry + ": the " + model + " model runs "
                        + (threading(model) == Threading.SINGLE ? "one thread by design" : "a thread per connection")
                        + "; --threads does not apply to it");
            }
            threads.put(model, counts);
        }
        return threads;
    }

    private static List<Integer> threadCounts(String text) {
        List<Integer> counts = new ArrayList<>();
        for (String count : text.split("/")) {
            long n = Quantities.parseCount("--threads", count.trim());
            if (n < 1 || n > LauncherOptions.MAX_THREADS) {
                throw new UsageException("--threads counts must be between 1 and " + LauncherOptions.MAX_THREADS
                        + ", got " + count);
            }
            counts.add((int) n);
        }
        return counts;
    }

    private static Threading threading(String model) {
        return IoModels.named(model).map(IoModel::threading).orElseThrow();
    }

    /**
     * The CPUs the server and the client run on: on several hosts the server host's and the first client host's
     * {@code cpus} from the hosts file (empty: all of that host's cores), for the manifest and the log.
     */
    private static CpuPinning pinning(Flags flags) {
        Optional<SweepHosts> hosts = SweepHosts.from(flags);
        if (hosts.isPresent()) {
            if (flags.has("server-cpus") || flags.has("client-cpus") || flags.has("no-pin")) {
                throw new UsageException("on several hosts each host's CPUs are named in a hosts file (cpus =);"
                        + " --server-cpus, --client-cpus and --no-pin are for one host");
            }
            return new CpuPinning(hosts.get().server().cpus(), hosts.get().clients().getFirst().cpus());
        }
        if (flags.has("no-pin")) {
            return CpuPinning.NONE;
        }
        if (flags.has("server-cpus") || flags.has("client-cpus")) {
            if (!JavaCommand.tasksetAvailable()) {
                throw new UsageException("--server-cpus/--client-cpus need taskset (util-linux), not found");
            }
            return CpuPinning.of(flags.required("server-cpus"), flags.required("client-cpus"));
        }
        return CpuPinning.defaults();
    }

    private static List<Integer> ints(List<Long> values) {
        return values.stream().map(Math::toIntExact).toList();
    }
}
