package io.iobench.sweep;

import io.iobench.client.LoadOptions;
import io.iobench.results.CapacityFile;
import io.iobench.results.LatencyLogFile;
import io.iobench.results.LoadMode;
import io.iobench.results.RunFiles;
import io.iobench.results.RunResult;
import io.iobench.results.SweepDirectory;
import io.iobench.results.SweepManifest;
import io.iobench.sweep.capacity.CapacitySearch;
import io.iobench.sweep.capacity.Objective;
import io.iobench.sweep.capacity.Probe;
import io.iobench.sweep.capacity.SearchResult;
import io.iobench.sweep.capacity.SearchSettings;
import io.iobench.sweep.capacity.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * {@code iobench capacity}: for each model x size x connection count, a new server JVM ({@link SharedServer}) and a
 * {@link CapacitySearch} of the highest open-loop rate it carries within the objective, each probe a fresh client
 * published as a run of the sweep directory (mode open, its target rate) and listed in the manifest, as a sweep's
 * runs are. {@code capacity.json} ({@link CapacityFile}) is rewritten after each search, so an interrupted run keeps
 * the searches it finished. The server's output goes to {@code servers/<model>-c<n>-s<size>.log}.
 */
public final class CapacitySweep implements SweepJob {

    /** Where each search's server log goes in the sweep directory. */
    static final String SERVERS = "servers";

    private final SweepPlan plan;
    private final SweepPlan firstPlan;
    private final Objective objective;
    private final SearchSettings settings;
    private final SweepDirectory results;
    private final PrintStream log;
    private final Clock clock;
    private final List<CapacityFile.CapacityPoint> found = new ArrayList<>();
    private final Map<String, Integer> runsOfPoint = new HashMap<>();
    private volatile SharedServer current;
    private volatile boolean interrupted;

    /**
     * The plan's models, sizes and connection counts are searched; its warm-up and window are each probe's, but for
     * the first probe of each search, which warms up for {@code firstWarmup}: the search's server is a fresh JVM, and
     * a first probe on a cold server would measure its compiler, not its capacity.
     */
    public CapacitySweep(SweepPlan plan, Duration firstWarmup, Objective objective, SearchSettings settings,
                         SweepDirectory results, PrintStream log, Clock clock) {
        this.plan = plan;
        this.firstPlan = withWarmup(plan, firstWarmup);
        this.objective = objective;
        this.settings = settings;
        this.results = results;
        this.log = log;
        this.clock = clock;
    }

    /** The manifest's plan of a capacity search: open loop, no fixed rates, no idle window. */
    public static SweepManifest.Plan manifestPlan(SweepPlan plan, SearchSettings settings) {
        SweepManifest.Plan sweep = plan.manifestPlan();
        return new SweepManifest.Plan(sweep.models(), sweep.connections(), List.of(0), sweep.sizes(),
                List.of(LoadMode.OPEN), List.of(), false, sweep.pipeline(), sweep.warmupS(),
                sweep.durationS(), 0, sweep.threads(), sweep.serverJvmOptions(), sweep.clientJvmOptions(),
                sweep.serverCpus(), sweep.clientCpus(), settings.repeat(), null, settings.repeat(), sweep.seed(),
                false, sweep.modelJvmOptions());
    }

    @Override
    public Path directory() {
        return results.path();
    }

    /** Runs every search; returns false when interrupted before the end. */
    @Override
    public boolean run() throws IOException {
        int searches = plan.models().size() * plan.sizesBytes().size() * plan.connections().size();
        log.printf("capacity: %d searches for %s into %s (pinning %s; probes %d to %d msgs/s, x%s ramp, %s%%"
                        + " precision, %d runs at the found rate, at most %d probes each)%n", searches,
                objective.title(), results.path(), plan.pinning(), settings.lowestRateMsgsPerS(),
                settings.highestRateMsgsPerS(), number(settings.rampFactor()), number(settings.precisionPct()),
                settings.repeat(), settings.maxProbes());
        int done = 0;
        for (String model : plan.models()) {
            for (int size : plan.sizesBytes()) {
                for (int connections : plan.connections()) {
                    if (interrupted) {
                        break;
                    }
                    log.printf("[search %d/%d] %s at %d connections, %d B%n", ++done, searches, model, connections,
                            size);
                    search(model, connections, size);
                }
            }
        }
        results.finish(interrupted ? SweepManifest.Status.INTERRUPTED : SweepManifest.Status.COMPLETE,
                clock.instant());
        log.printf("capacity %s: %s%n", interrupted ? "interrupted" : "complete", results.path());
        return !interrupted;
    }

    private void search(String model, int connections, int size) throws IOException {
        // One --threads count per model (CapacityCommand refuses more); none for the sweep's default.
        Integer threads = plan.threads().containsKey(model) ? plan.threads().get(model).getFirst() : null;
        SweepPoint base = new SweepPoint(model, connections, 0, size, settings.lowestRateMsgsPerS(), threads);
        String name = base.id().substring(0, base.id().lastIndexOf("-r"));
        Path serverLog = Files.createDirectories(results.path().resolve(SERVERS)).resolve(name + ".log");
        SearchResult result;
        try (SharedServer server = SharedServer.start(plan, firstPlan, base, serverLog, log, clock)) {
            current = server;
            int[] probes = {0};
            result = new CapacitySearch(settings, objective,
                    rate -> probe(server, new SweepPoint(model, connections, 0, size, rate, threads), ++probes[0]),
                    log).run();
            List<String> problems = server.stop();
            problems.forEach(problem -> log.printf("  server: %s%n", problem));
        } catch (ServerStartException e) {
            log.printf("  capacity: not searched: %s%s%n", e.getMessage(),
                    FreshProcesses.lastLine(e.lastOutputLines()));
            found.add(new CapacityFile.CapacityPoint(model, connections, size, null, null, null, null, null, null, 0,
                    0, null, null, null, null, null, null, CapacityFile.EndedBy.FAILED, e.getMessage(), List.of()));
            writeCapacity();
            return;
        } catch (InterruptedException e) {
            interrupted = true;
            return;
        } finally {
            current = null;
        }
        found.add(result.toFile(model, connections, size));
        writeCapacity();
        log.printf("  %s: %s%n", name, summary(result));
    }

    /** Runs one probe into a scratch directory and publishes it as a run, under {@code <point>-p<n>}. */
    private Probe probe(SharedServer server, SweepPoint point, int number) throws IOException, InterruptedException {
        String id = point.id() + "-p" + number;
        Path scratch = results.scratchFor(id);
        RunResult result = server.probe(point, number == 1, scratch);
        if (interrupted || Thread.currentThread().isInterrupted()) {
            results.discard(scratch);
            throw new InterruptedException("capacity search interrupted");
        }
        OptionalDouble objectiveUs = objectiveUs(result, scratch);
        int repetition = runsOfPoint.merge(point.id(), 1, Integer::sum);
        Path published = results.commit(new SweepDirectory.Repetition(id, point.id(), 1, repetition,
                NoiseGate.noise(result).orElse(null), null), scratch, result);
        log.println(LoadProcess.ECHO_INDENT + LoadOptions.resultLine(published));
        return new Probe(id, point.rateMsgsPerS(), result, objectiveUs);
    }

    /** The run's corrected latency at the objective's percentile: its result's field, else its interval log's. */
    private OptionalDouble objectiveUs(RunResult result, Path dir) {
        OptionalDouble recorded = objective.recordedUs(result);
        Path hlog = dir.resolve(RunFiles.HLOG);
        if (recorded.isPresent() || result.flags().failed() || !Files.exists(hlog)) {
            return recorded;
        }
        try {
            var total = LatencyLogFile.read(hlog).total(LatencyLogFile.CORRECTED);
            return total.getTotalCount() == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of(total.getValueAtPercentile(objective.percentile()));
        } catch (IOException e) {
            log.printf("  %s: %s; %s not measured%n", hlog, e.getMessage(), objective.percentileName());
            return OptionalDouble.empty();
        }
    }

    private void writeCapacity() throws IOException {
        CapacityFile.of(objective.toFile(), new CapacityFile.Search(settings.lowestRateMsgsPerS(),
                settings.highestRateMsgsPerS(), settings.rampFactor(), settings.precisionPct(), settings.repeat(),
                seconds(plan.warmup()), seconds(plan.duration()), seconds(firstPlan.warmup())), found)
                .write(results.path());
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /** {@code plan} with another warm-up: what the first probe of a search runs. */
    private static SweepPlan withWarmup(SweepPlan plan, Duration warmup) {
        return new SweepPlan(plan.label(), plan.models(), plan.connections(), plan.idleConnections(),
                plan.sizesBytes(), plan.ratesMsgsPerS(), plan.closedLoop(), plan.pipeline(), warmup, plan.duration(),
                plan.idleWindow(), plan.threads(), plan.serverJvmOptions(), plan.modelJvmOptions(),
                plan.clientJvmOptions(), plan.pinning(), plan.repetitions());
    }

    /**
     * {@code capacity 39604 msgs/s [39590, 39611] at 75% (3 of 3 runs at 40000 msgs/s met p99 ≤ 1 ms); ended by
     * objective: ...}, or {@code capacity: below 5000 msgs/s; ended by below_lowest_rate: ...}.
     */
    private String summary(SearchResult result) {
        if (result.passing() == null) {
            return (result.endedBy() == CapacityFile.EndedBy.BELOW_LOWEST_RATE
                    ? "capacity: below " + settings.lowestRateMsgsPerS() + " msgs/s" : "capacity: none")
                    + "; ended by " + result.endedBy() + ": " + result.endedDetail();
        }
        var capacity = result.capacity();
        String interval = capacity.interval().map(i -> " [" + number(i.low()) + ", " + number(i.high()) + "] at "
                + number(i.coverage() * 100) + "%").orElse("");
        long met = result.atFound().stream().filter(j -> j.verdict() == Verdict.MET).count();
        return "capacity " + number(capacity.median()) + " msgs/s" + interval + " (" + met + " of "
                + result.atFound().size() + " runs at " + result.passing().probe().rateTargetMsgsPerS()
                + " msgs/s met " + objective.title() + "); ended by " + result.endedBy() + ": " + result.endedDetail();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** Stops the probe in progress and ends the capacity run after it; safe to call from a signal handler. */
    @Override
    public void interrupt() {
        interrupted = true;
        SharedServer server = current;
        if (server != null) {
            server.interrupt();
        }
    }

    /** Kills whatever child process is still running; for a shutdown hook. */
    @Override
    public void killChildren() {
        SharedServer server = current;
        if (server != null) {
            server.killClient();
            server.close();
        }
    }
}
