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
 * @param runs        the finished runs in the order run, failed ones included
 */
public record SweepManifest(String schema, String label, Status status, String startedAt, String finishedAt,
                            List<String> command, Plan plan, RunResult.Environment environment,
                            List<RunEntry> runs) {

    /** The name and version of this format. */
    public static final String SCHEMA = "iobench-sweep/1";

    public SweepManifest {
        command = command == null ? List.of() : List.copyOf(command);
        runs = runs == null ? List.of() : List.copyOf(runs);
        status = status == null ? Status.UNKNOWN : status;
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
     * @param idleWindowS      connections open and silent before the warm-up, to measure idle CPU, seconds
     * @param threads          per model, the {@code --threads} counts it was run at, each a point of its own; a
     *                         model not named ran the sweep's default (a pool of one worker per connection, a
     *                         reactor per CPU)
     * @param serverJvmOptions extra server JVM options
     * @param clientJvmOptions extra client JVM options
     * @param serverCpus       the server's {@code taskset -c} list; null when unpinned
     * @param clientCpus       the client's {@code taskset -c} list; null when unpinned
     */
    public record Plan(List<String> models, List<Integer> connections, List<Integer> idleConnections,
                       List<Integer> sizes, List<LoadMode> modes, List<Long> ratesMsgsPerS, boolean closedLoop,
                       int pipeline, double warmupS, double durationS, double idleWindowS,
                       Map<String, List<Integer>> threads,
                       List<String> serverJvmOptions, List<String> clientJvmOptions, String serverCpus,
                       String clientCpus) {

        public Plan {
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
     * @param id     the run's directory name, {@code <model>-c<connections>[-i<idle>]-s<size>[-r<rate>]}
     * @param dir    the run's directory, relative to the sweep's
     * @param failed whether the run failed
     * @param reason why it failed; null when it did not
     */
    public record RunEntry(String id, String dir, boolean failed, String reason) {
    }

    /** A sweep just started: running, no environment yet, no runs. */
    public static SweepManifest started(String label, String startedAt, List<String> command, Plan plan) {
        return new SweepManifest(SCHEMA, label, Status.RUNNING, startedAt, null, command, Objects.requireNonNull(plan),
                null, List.of());
    }

    /** This manifest with one more finished run; the first run's environment becomes the sweep's. */
    SweepManifest withRun(RunEntry entry, RunResult.Environment runEnvironment, String model) {
        List<RunEntry> more = new ArrayList<>(runs);
        more.add(entry);
        RunResult.Environment shown = environment != null || runEnvironment == null ? environment
                : sweepEnvironment(runEnvironment, model);
        return new SweepManifest(schema, label, status, startedAt, finishedAt, command, plan, shown, more);
    }

    /** This manifest with the sweep ended. */
    SweepManifest finished(Status newStatus, String at) {
        return new SweepManifest(schema, label, newStatus, startedAt, at, command, plan, environment, runs);
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
