package io.iobench.results;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A sweep's {@code manifest.json} (schema {@value #SCHEMA}): what the sweep was asked to run, where, how far it got,
 * and every run it finished. The runner rewrites it atomically after each run, so an interrupted sweep's manifest
 * still says what it holds. {@link SweepDirectory} writes it and {@link SweepReader} reads it.
 *
 * @param schema      always {@value #SCHEMA}
 * @param label       names the directory, {@code results/<timestamp>-<label>}
 * @param status      {@code running}, {@code complete} or {@code interrupted}
 * @param startedAt   when the sweep started, ISO-8601 UTC
 * @param finishedAt  when it ended, ISO-8601 UTC; null while running
 * @param command     the command line that started it, a word per item
 * @param plan        what it was asked to run
 * @param environment the first run's environment, with {@code --model <model>} in its server command; null until
 *                    a run recorded one
 * @param runs        the finished runs in the order run, failed ones included: every repetition of every point,
 *                    re-runs too, so this list is the order the sweep visited its points
 * @param rounds      the rounds begun, in order, each with the points it visits in the order shuffled for it from
 *                    {@code plan.seed}; empty in manifests written before the sweep ran rounds
 * @param points      every point with a finished run, in the order first run, with its repetitions; empty in
 *                    manifests written before the sweep repeated points
 */
public record SweepManifest(String schema, String label, Status status, String startedAt, String finishedAt,
                            List<String> command, Plan plan, RunResult.Environment environment,
                            List<RunEntry> runs, List<Round> rounds, List<PointRuns> points) {

    /** The name and version of this format. */
    public static final String SCHEMA = "iobench-sweep/1";

    public SweepManifest {
        command = command == null ? List.of() : List.copyOf(command);
        runs = runs == null ? List.of() : List.copyOf(runs);
        rounds = rounds == null ? List.of() : List.copyOf(rounds);
        points = points == null ? List.of() : List.copyOf(points);
        status = status == null ? Status.UNKNOWN : status;
    }

    /** A manifest without rounds or points, as a sweep of single runs wrote it before repetitions. */
    public SweepManifest(String schema, String label, Status status, String startedAt, String finishedAt,
                         List<String> command, Plan plan, RunResult.Environment environment, List<RunEntry> runs) {
        this(schema, label, status, startedAt, finishedAt, command, plan, environment, runs, List.of(), List.of());
    }

    /** How far a sweep got. */
    public enum Status {
        /** Running, or stopped without a word (killed): the runs listed finished. */
        @JsonProperty("running") RUNNING,
        /** Every point of the plan was run. */
        @JsonProperty("complete") COMPLETE,
        /** Stopped by SIGINT or SIGTERM: the runs listed finished, the rest were not run. */
        @JsonProperty("interrupted") INTERRUPTED,
        /** A status this version does not know, or none. */
        @JsonEnumDefaultValue @JsonProperty("unknown") UNKNOWN;

        /** As the manifest spells it: {@code complete}. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What a sweep measures and how: every model x size x idle count x connection count, in closed loop and at each
     * open-loop rate.
     *
     * @param models           model names, in the order run
     * @param connections      active connection counts
     * @param idleConnections  idle connection counts (0 = none)
     * @param sizes            message sizes, bytes
     * @param modes            the load modes run: {@code closed}, {@code open} or both
     * @param ratesMsgsPerS    open-loop target rates, messages/s; empty for closed loop only
     * @param closedLoop       whether closed-loop points are run
     * @param pipeline         closed loop: messages in flight per connection
     * @param warmupS          warm-up per point, seconds
     * @param durationS        measured window per point, seconds
     * @param idleWindowS      connections open and silent before the warm-up, to measure idle CPU, seconds; in
     *                         the first repetition of each point only
     * @param threads          per model, the {@code --threads} counts it was run at, each a point of its own; a
     *                         model not named ran the sweep's default (a pool of one worker per connection, a
     *                         reactor per CPU)
     * @param serverJvmOptions extra server JVM options
     * @param clientJvmOptions extra client JVM options
     * @param serverCpus       the server's {@code taskset -c} list; null when unpinned
     * @param clientCpus       the client's {@code taskset -c} list; null when unpinned
     * @param repeat           rounds every point is run in, each repetition with a fresh server and client JVM
     *                         ({@code --repeat}); 1 in manifests written before repetitions
     * @param untilCiPct       {@code --until-ci}: after {@code repeat} rounds, points were run in further rounds
     *                         until the 95% interval of their median msgs/s was within this many percent of the
     *                         median on both sides, or {@code max_repeat} rounds were run; null when not asked
     * @param maxRepeat        the most rounds a point is run in: {@code repeat} without {@code until_ci_pct}
     * @param seed             seeds the shuffled order of every round ({@code --seed}, else taken from the clock):
     *                         the same points and seed give the same order; null in manifests written before rounds
     * @param rerunNoisy       whether a run found noisy (see {@code runs[].noisy}) was run once more at the end of
     *                         its round; false with {@code --no-rerun} and in manifests written before the noise gate
     * @param modelJvmOptions  per model, extra server JVM options after {@code server_jvm_options}
     *                         ({@code --model-jvm-opts}), such as {@code -Xint} to slow one model on purpose; empty
     *                         when none, and in manifests written before this field
     */
    public record Plan(List<String> models, List<Integer> connections, List<Integer> idleConnections,
                       List<Integer> sizes, List<LoadMode> modes, List<Long> ratesMsgsPerS, boolean closedLoop,
                       int pipeline, double warmupS, double durationS, double idleWindowS,
                       Map<String, List<Integer>> threads,
                       List<String> serverJvmOptions, List<String> clientJvmOptions, String serverCpus,
                       String clientCpus, int repeat, Double untilCiPct, int maxRepeat, Long seed,
                       boolean rerunNoisy, Map<String, List<String>> modelJvmOptions) {

        /** A plan that runs each point once, as plans were before repetitions. */
        public Plan(List<String> models, List<Integer> connections, List<Integer> idleConnections,
                    List<Integer> sizes, List<LoadMode> modes, List<Long> ratesMsgsPerS, boolean closedLoop,
                    int pipeline, double warmupS, double durationS, double idleWindowS,
                    Map<String, List<Integer>> threads, List<String> serverJvmOptions,
                    List<String> clientJvmOptions, String serverCpus, String clientCpus) {
            this(models, connections, idleConnections, sizes, modes, ratesMsgsPerS, closedLoop, pipeline, warmupS,
                    durationS, idleWindowS, threads, serverJvmOptions, clientJvmOptions, serverCpus, clientCpus, 1,
                    null, 1, null, false, Map.of());
        }

        public Plan {
            // Manifests from before repetitions have neither: they ran each point once.
            repeat = Math.max(1, repeat);
            maxRepeat = Math.max(repeat, maxRepeat);
            models = copy(models);
            connections = copy(connections);
            idleConnections = copy(idleConnections);
            sizes = copy(sizes);
            ratesMsgsPerS = copy(ratesMsgsPerS);
            // Manifests from before the modes were written say them only as closed_loop and the rates.
            modes = modes != null ? List.copyOf(modes) : modesOf(closedLoop, ratesMsgsPerS);
            threads = threads == null ? Map.of() : Map.copyOf(threads);
            serverJvmOptions = copy(serverJvmOptions);
            clientJvmOptions = copy(clientJvmOptions);
            modelJvmOptions = modelJvmOptions == null ? Map.of() : Map.copyOf(modelJvmOptions);
        }

        /** The modes a plan with these settings runs. */
        public static List<LoadMode> modesOf(boolean closedLoop, List<Long> ratesMsgsPerS) {
            List<LoadMode> modes = new ArrayList<>();
            if (closedLoop) {
                modes.add(LoadMode.CLOSED);
            }
            if (!ratesMsgsPerS.isEmpty()) {
                modes.add(LoadMode.OPEN);
            }
            return List.copyOf(modes);
        }

        private static <T> List<T> copy(List<T> list) {
            return list == null ? List.of() : List.copyOf(list);
        }
    }

    /**
     * @param id         the run's directory name, {@code <point>} when each point runs once, else
     *                   {@code <point>-rep<repetition>}
     * @param dir        the run's directory, relative to the sweep's
     * @param failed     whether the run failed
     * @param reason     why it failed; null when it did not
     * @param point      the point it is a repetition of, {@code <model>-c<connections>[-i<idle>][-t<threads>]-s<size>[-r<rate>]}
     * @param round      the round it ran in, from 1
     * @param repetition which repetition of its point it is, from 1, in the order run; re-runs count
     * @param noisy      why the run cannot be vouched for as a repetition although it completed, such as
     *                   {@code server cpu_steal_pct 3.4 >= 2}: the hypervisor took at least 2% of either side's
     *                   CPUs, or the run was flagged client_bound; null for a clean run. A noisy run is kept and,
     *                   unless {@code plan.rerun_noisy} is false, was run once more at the end of its round
     * @param rerunOf    the id of the noisy run this one repeats at the end of the round; null for a run in its
     *                   round's own order
     */
    public record RunEntry(String id, String dir, boolean failed, String reason, String point, int round,
                           int repetition, String noisy, String rerunOf) {

        /** A single run, as a sweep of single runs records it: the point is the id, round and repetition 1. */
        public RunEntry(String id, String dir, boolean failed, String reason) {
            this(id, dir, failed, reason, id, 1, 1, null, null);
        }

        public RunEntry {
            // Manifests from before repetitions ran each point once, under its own id.
            point = point != null ? point : id;
            round = Math.max(1, round);
            repetition = Math.max(1, repetition);
        }
    }

    /**
     * @param number the round, from 1
     * @param points the points it visits, in that order: every point in the first {@code plan.repeat} rounds, after
     *               them only those still short of {@code plan.until_ci_pct}; the noisy runs' re-runs follow
     *               (in {@code runs}, with {@code rerun_of}). The order is the round's shuffle from
     *               {@code plan.seed} (iobench's RoundOrder over the plan's points, model by model), the points done
     *               left out, its first two swapped where it would open with the point just run
     */
    public record Round(int number, List<String> points) {

        public Round {
            points = points == null ? List.of() : List.copyOf(points);
        }
    }

    /**
     * @param id         the point, as {@code runs[].point} names it
     * @param runs       the ids of its repetitions, in the order run, noisy and failed ones and re-runs included
     * @param converged  {@code --until-ci}: whether the 95% interval of its median msgs/s, over its clean
     *                   repetitions (not failed, corrupt or noisy), came within {@code plan.until_ci_pct} of the
     *                   median; false while it has not (yet), and when it never did in {@code plan.max_repeat}
     *                   rounds; null without {@code --until-ci}
     * @param ciPct      {@code --until-ci}: how far the farther end of that interval lies from the median, percent
     *                   of the median, after its last round; null without {@code --until-ci} and while its clean
     *                   repetitions are too few for a 95% interval (fewer than 6)
     */
    public record PointRuns(String id, List<String> runs, Boolean converged, Double ciPct) {

        public PointRuns {
            runs = runs == null ? List.of() : List.copyOf(runs);
        }
    }

    /** A sweep just started: running, no environment yet, no runs. */
    public static SweepManifest started(String label, String startedAt, List<String> command, Plan plan) {
        return new SweepManifest(SCHEMA, label, Status.RUNNING, startedAt, null, command, Objects.requireNonNull(plan),
                null, List.of());
    }

    /**
     * This manifest with one more finished run, listed under its point too; the first run's environment becomes
     * the sweep's.
     */
    SweepManifest withRun(RunEntry entry, RunResult.Environment runEnvironment, String model) {
        List<RunEntry> more = new ArrayList<>(runs);
        more.add(entry);
        RunResult.Environment shown = environment != null || runEnvironment == null ? environment
                : sweepEnvironment(runEnvironment, model);
        List<PointRuns> listed = new ArrayList<>(points);
        int at = indexOf(entry.point());
        if (at < 0) {
            listed.add(new PointRuns(entry.point(), List.of(entry.id()), null, null));
        } else {
            PointRuns point = listed.get(at);
            List<String> ids = new ArrayList<>(point.runs());
            ids.add(entry.id());
            listed.set(at, new PointRuns(point.id(), ids, point.converged(), point.ciPct()));
        }
        return new SweepManifest(schema, label, status, startedAt, finishedAt, command, plan, shown, more, rounds,
                listed);
    }

    /** This manifest with one more round begun. */
    SweepManifest withRound(Round round) {
        List<Round> more = new ArrayList<>(rounds);
        more.add(round);
        return new SweepManifest(schema, label, status, startedAt, finishedAt, command, plan, environment, runs,
                more, points);
    }

    /** This manifest with a point's convergence as {@code --until-ci} judged it after its last round. */
    SweepManifest withConvergence(String point, boolean converged, Double ciPct) {
        int at = indexOf(point);
        if (at < 0) {
            throw new IllegalArgumentException("no run of point " + point + " is listed");
        }
        List<PointRuns> listed = new ArrayList<>(points);
        listed.set(at, new PointRuns(point, points.get(at).runs(), converged, ciPct));
        return new SweepManifest(schema, label, status, startedAt, finishedAt, command, plan, environment, runs,
                rounds, listed);
    }

    /** This manifest with the sweep ended. */
    SweepManifest finished(Status newStatus, String at) {
        return new SweepManifest(schema, label, newStatus, startedAt, at, command, plan, environment, runs, rounds,
                points);
    }

    private int indexOf(String point) {
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).id().equals(point)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The environment of a sweep, taken from its first run: the same but for the server command, which names that
     * run's model; the sweep's own shows {@code <model>} there. Each run's result keeps its exact command.
     */
    static RunResult.Environment sweepEnvironment(RunResult.Environment run, String model) {
        String command = run.serverCommand();
        return command == null ? run
                : run.withServerCommand(command.replace("--model " + model + " ", "--model <model> "));
    }
}
