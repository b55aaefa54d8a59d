package io.iobench.sweep;

import io.iobench.client.LoadOptions;
import io.iobench.results.RunResult;
import io.iobench.results.SweepManifest;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a sweep measures and how: every model x size x connection count x idle connection count, each in closed
 * loop and once per open-loop rate, each as many times as {@link Repetitions} says.
 *
 * @param label            names the results directory, {@code results/<timestamp>-<label>}
 * @param models           model names, run in this order
 * @param connections      active connection counts
 * @param idleConnections  idle connection counts (0 = none)
 * @param sizesBytes       message sizes
 * @param ratesMsgsPerS    open-loop rates run after each closed-loop point; empty for closed loop only
 * @param closedLoop       whether closed-loop points are run
 * @param pipeline         closed loop: messages in flight per connection
 * @param warmup           not recorded
 * @param duration         the measured window
 * @param idleWindow       connections open and no traffic, to measure idle CPU; in the first repetition of each
 *                         point only: a model at rest costs the same in every run, and the window would add its
 *                         seconds to every repetition
 * @param threads          per model, the {@code --threads} counts to run it at, each count a point of its own;
 *                         a model not named runs the sweep's default: a pool sized to the point's connections,
 *                         a reactor per CPU
 * @param serverJvmOptions extra server JVM options, for every model
 * @param modelJvmOptions  per model, extra server JVM options after those ({@code --model-jvm-opts}): one model run
 *                         differently, such as slowed with {@code -Xint} to check that a comparison sees it
 * @param clientJvmOptions extra client JVM options
 * @param pinning          server and client CPU sets
 * @param repetitions      how many times each point runs, and the seed of the rounds' order
 * @param profilers        the profilers of each server over its measured window ({@code --prof}), run by the client
 *                         on the server's host or by the probe there; empty for none. With {@code gc} every server
 *                         writes its GC log into its run's directory
 */
public record SweepPlan(String label, List<String> models, List<Integer> connections, List<Integer> idleConnections,
                        List<Integer> sizesBytes, List<Long> ratesMsgsPerS, boolean closedLoop, int pipeline,
                        Duration warmup, Duration duration, Duration idleWindow, Map<String, List<Integer>> threads,
                        List<String> serverJvmOptions, Map<String, List<String>> modelJvmOptions,
                        List<String> clientJvmOptions, CpuPinning pinning,
                        Repetitions repetitions, List<String> profilers) {

    public SweepPlan {
        models = List.copyOf(models);
        threads = Map.copyOf(threads);
        connections = List.copyOf(connections);
        idleConnections = List.copyOf(idleConnections);
        sizesBytes = List.copyOf(sizesBytes);
        ratesMsgsPerS = List.copyOf(ratesMsgsPerS);
        serverJvmOptions = List.copyOf(serverJvmOptions);
        modelJvmOptions = Map.copyOf(modelJvmOptions);
        clientJvmOptions = List.copyOf(clientJvmOptions);
        Objects.requireNonNull(repetitions, "repetitions");
        profilers = profilers == null ? List.of() : List.copyOf(profilers);
    }

    /** A plan without profilers, as every plan was before {@code --prof}. */
    public SweepPlan(String label, List<String> models, List<Integer> connections, List<Integer> idleConnections,
                     List<Integer> sizesBytes, List<Long> ratesMsgsPerS, boolean closedLoop, int pipeline,
                     Duration warmup, Duration duration, Duration idleWindow, Map<String, List<Integer>> threads,
                     List<String> serverJvmOptions, Map<String, List<String>> modelJvmOptions,
                     List<String> clientJvmOptions, CpuPinning pinning, Repetitions repetitions) {
        this(label, models, connections, idleConnections, sizesBytes, ratesMsgsPerS, closedLoop, pipeline, warmup,
                duration, idleWindow, threads, serverJvmOptions, modelJvmOptions, clientJvmOptions, pinning,
                repetitions, List.of());
    }

    /**
     * The points, each once, model by model: the order the rounds are shuffled from ({@link Repetitions}), and the
     * order a report lists them in.
     */
    public List<SweepPoint> points() {
        List<SweepPoint> points = new ArrayList<>();
        for (String model : models) {
            List<Integer> threadCounts = new ArrayList<>();
            if (threads.containsKey(model)) {
                threadCounts.addAll(threads.get(model));
            } else {
                threadCounts.add(null);
            }
            for (int size : sizesBytes) {
                for (int idle : idleConnections) {
                    for (int n : connections) {
                        for (Integer t : threadCounts) {
                            if (closedLoop) {
                                points.add(new SweepPoint(model, n, idle, size, 0, t));
                            }
                            for (long rate : ratesMsgsPerS) {
                                points.add(new SweepPoint(model, n, idle, size, rate, t));
                            }
                        }
                    }
                }
            }
        }
        return points;
    }

    /**
     * The client's options for repetition {@code repetition} (from 1) of {@code point} against the server at
     * {@code target}, which said it runs {@code serverThreads}, writing into {@code out}. Only the first repetition
     * has the idle window.
     *
     * @throws io.iobench.options.UsageException when the point is out of the client's range
     */
    public LoadOptions loadOptions(SweepPoint point, int repetition, InetSocketAddress target, long serverPid,
                                   int serverThreads, Path out) {
        return client(point, repetition, target, serverThreads, LoadSplit.whole(point), out).serverPid(serverPid)
                .profilers(profilers).build();
    }

    /**
     * The options of one of several clients on other hosts: its {@code share} of the point's connections and rate,
     * no server pid (the server's figures are its host's probe's), released by a line GO on stdin and stopped by
     * the end of it.
     */
    public LoadOptions remoteClientOptions(SweepPoint point, int repetition, InetSocketAddress target,
                                           int serverThreads, LoadSplit share, Path out) {
        return client(point, repetition, target, serverThreads, share, out).awaitGo(true).exitOnStdinEof(true)
                .build();
    }

    private LoadOptions.Builder client(SweepPoint point, int repetition, InetSocketAddress target, int serverThreads,
                                       LoadSplit share, Path out) {
        LoadOptions.Builder options = LoadOptions.builder(target, share.connections())
                .idleConnections(share.idleConnections()).sizeBytes(point.sizeBytes())
                .warmup(warmup).duration(duration).idleWindow(idleWindow(repetition))
                .serverThreads(serverThreads).model(point.model()).out(out);
        return point.openLoop() ? options.openLoop(share.rateMsgsPerS()) : options.closedLoop(pipeline);
    }

    /** Only the first repetition of a point has the idle window. */
    public Duration idleWindow(int repetition) {
        return repetition == 1 ? idleWindow : Duration.ZERO;
    }

    /**
     * The extra JVM options of {@code model}'s server, with, under {@code --prof gc}, the GC log the profiler reads
     * written to {@code gcLog} (in the run's directory, on the server's host).
     */
    public List<String> serverJvmOptions(String model, Path gcLog) {
        List<String> options = new ArrayList<>(serverJvmOptions(model));
        options.addAll(LoadOptions.serverJvmOptionsFor(profilers, gcLog));
        return List.copyOf(options);
    }

    /** The point as a result records it, for a run whose client left no result. */
    RunResult.Point resultPoint(SweepPoint point) {
        return (point.openLoop()
                ? RunResult.Point.openLoop(point.model(), null, point.connections(), point.idleConnections(),
                        point.sizeBytes(), point.rateMsgsPerS())
                : RunResult.Point.closedLoop(point.model(), null, point.connections(), point.idleConnections(),
                        point.sizeBytes(), pipeline)).withThreads(point.threads());
    }

    /** The extra JVM options of {@code model}'s server: the sweep's, then the model's own. */
    public List<String> serverJvmOptions(String model) {
        List<String> options = new ArrayList<>(serverJvmOptions);
        options.addAll(modelJvmOptions.getOrDefault(model, List.of()));
        return List.copyOf(options);
    }

    /** The plan as the manifest records it. */
    public SweepManifest.Plan manifestPlan() {
        return new SweepManifest.Plan(models, connections, idleConnections, sizesBytes,
                SweepManifest.Plan.modesOf(closedLoop, ratesMsgsPerS), ratesMsgsPerS, closedLoop, pipeline,
                seconds(warmup), seconds(duration), seconds(idleWindow), threads, serverJvmOptions,
                clientJvmOptions, pinning.serverCpus().orElse(null), pinning.clientCpus().orElse(null),
                repetitions.repeat(), repetitions.untilCiPct(), repetitions.maxRepeat(), repetitions.seed(),
                repetitions.rerunNoisy(), modelJvmOptions);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /** Upper bound of one point's wall time, after which its client is killed and the run counts as failed. */
    public Duration runTimeout(SweepPoint point) {
        Duration connect = Duration.ofMillis(20L * point.clientDescriptors());
        return idleWindow.plus(warmup).plus(duration).plus(connect).plus(Duration.ofSeconds(60));
    }
}
