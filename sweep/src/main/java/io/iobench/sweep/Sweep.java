package io.iobench.sweep;

import io.iobench.client.LoadOptions;
import io.iobench.results.RunResult;
import io.iobench.results.SweepDirectory;
import io.iobench.results.SweepManifest;
import io.iobench.statistics.rounds.RoundOrder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Runs a {@link SweepPlan} in rounds: each round visits every point once, in an order shuffled for that round from
 * the plan's seed ({@link RoundOrder}), and each visit is a repetition measured with fresh processes
 * ({@link FreshProcesses}). Every repetition is published as it finishes, under {@code <point>-rep<n>} when points
 * repeat.
 *
 * <p>A repetition the {@link NoiseGate} finds noisy (CPU steal, client_bound) is kept, marked, and run once more at
 * the end of its round. With {@code --until-ci}, rounds after the first {@code --repeat} visit only the points
 * whose msgs/s interval has not yet come within the target ({@link IntervalTarget}), up to {@code --max-repeat}
 * rounds, and the manifest says per point whether it got there.
 *
 * <p>{@link #interrupt()} (wired to SIGINT and SIGTERM) stops the repetition in progress and its processes; every
 * finished run stays, and the manifest says the sweep was interrupted.
 */
public final class Sweep implements SweepJob {

    private final SweepPlan plan;
    private final SweepDirectory results;
    private final PrintStream log;
    private final Clock clock;
    private final Measurement measurement;
    private final Map<SweepPoint, Integer> runsOf = new HashMap<>();
    private final Map<SweepPoint, List<Double>> cleanMsgsPerS = new HashMap<>();
    private volatile boolean interrupted;
    private int visitsInRound;
    private SweepPoint lastVisited;

    Sweep(SweepPlan plan, SweepDirectory results, PrintStream log, Clock clock) {
        this(plan, results, log, clock, new FreshProcesses(plan, log, clock));
    }

    /** A sweep measuring with {@code measurement}: a test's made-up results. */
    Sweep(SweepPlan plan, SweepDirectory results, PrintStream log, Clock clock, Measurement measurement) {
        this.plan = plan;
        this.results = results;
        this.log = log;
        this.clock = clock;
        this.measurement = measurement;
    }

    /** @return the sweep's directory */
    @Override
    public Path directory() {
        return results.path();
    }

    /** Runs every round; returns false when interrupted before the end. */
    @Override
    public boolean run() throws IOException {
        List<SweepPoint> points = plan.points();
        Repetitions repetitions = plan.repetitions();
        RoundOrder<SweepPoint> order = RoundOrder.shuffled(points, repetitions.rounds(), repetitions.seed());
        IntervalTarget target = repetitions.untilCiPct() == null ? null
                : new IntervalTarget(repetitions.untilCiPct());
        log.printf("sweep: %d points x %s into %s (pinning %s, seed %d)%n", points.size(), rounds(repetitions),
                results.path(), plan.pinning(), repetitions.seed());
        Set<SweepPoint> done = new HashSet<>();
        for (int round = 1; round <= repetitions.rounds() && !interrupted; round++) {
            List<SweepPoint> visiting = visiting(order.round(round - 1), done);
            if (visiting.isEmpty()) {
                break;
            }
            runRound(round, visiting);
            if (target != null && !interrupted && round >= repetitions.repeat()) {
                judge(visiting, round, target, done);
            }
        }
        SweepManifest.Status status = interrupted ? SweepManifest.Status.INTERRUPTED : SweepManifest.Status.COMPLETE;
        results.finish(status, clock.instant());
        log.printf("sweep %s: %s%n", interrupted ? "interrupted" : "complete", results.path());
        return !interrupted;
    }

    /**
     * The round's order, the points done left out; when that would open with the point just run (a re-run closed
     * the last round, or the points left out were between them), its first two points change places, so that no
     * point runs twice in a row.
     */
    private List<SweepPoint> visiting(List<SweepPoint> shuffled, Set<SweepPoint> done) {
        List<SweepPoint> visiting = new ArrayList<>(shuffled.stream().filter(p -> !done.contains(p)).toList());
        if (visiting.size() > 1 && visiting.getFirst().equals(lastVisited)) {
            visiting.set(0, visiting.set(1, visiting.getFirst()));
        }
        return visiting;
    }

    /** Visits each point of the round, then re-runs, once each, the repetitions the noise gate marked. */
    private void runRound(int round, List<SweepPoint> visiting) throws IOException {
        results.beginRound(round, visiting.stream().map(SweepPoint::id).toList());
        List<SweepDirectory.Repetition> noisy = new ArrayList<>();
        List<SweepPoint> noisyPoints = new ArrayList<>();
        visitsInRound = 0;
        for (SweepPoint point : visiting) {
            if (interrupted) {
                return;
            }
            SweepDirectory.Repetition run = visit(point, round, null, visiting.size() + noisy.size());
            if (run != null && run.noisy() != null && plan.repetitions().rerunNoisy()) {
                noisy.add(run);
                noisyPoints.add(point);
            }
        }
        for (int i = 0; i < noisy.size() && !interrupted; i++) {
            visit(noisyPoints.get(i), round, noisy.get(i).id(), visiting.size() + noisy.size());
        }
    }

    /**
     * Measures and publishes the next repetition of {@code point}; returns it as published, or null when the sweep
     * was interrupted during it (it is then dropped).
     */
    private SweepDirectory.Repetition visit(SweepPoint point, int round, String rerunOf, int inRound)
            throws IOException {
        int number = runsOf.merge(point, 1, Integer::sum);
        String id = plan.repetitions().runId(point, number);
        // The round's count grows by each re-run its noisy visits add.
        log.printf("[round %d/%d, %d/%d] %s%s%n", round, plan.repetitions().rounds(), ++visitsInRound, inRound, id,
                rerunOf == null ? "" : " (re-run of " + rerunOf + ")");
        Path scratch = results.scratchFor(id);
        RunResult result = measurement.measure(point, number, scratch);
        lastVisited = point;
        if (interrupted || Thread.currentThread().isInterrupted()) {
            interrupted = true;
            results.discard(scratch);
            return null;
        }
        String noise = NoiseGate.noise(result).orElse(null);
        if (NoiseGate.clean(result)) {
            cleanMsgsPerS.computeIfAbsent(point, p -> new ArrayList<>()).add(result.throughput().msgsPerS());
        }
        SweepDirectory.Repetition repetition = new SweepDirectory.Repetition(id, point.id(), round, number, noise,
                rerunOf);
        Path published = results.commit(repetition, scratch, result);
        // Named only now: the client named its scratch directory, which the commit renamed.
        log.println(LoadProcess.ECHO_INDENT + LoadOptions.resultLine(published));
        String outcome = outcome(result);
        if (outcome != null) {
            log.printf("  %s%n", outcome);
        }
        if (noise != null) {
            log.printf("  noisy: %s; %s%n", noise, rerunOf == null && plan.repetitions().rerunNoisy()
                    ? "runs again at the end of round " + round : "kept, not run again");
        }
        return repetition;
    }

    /** After a round: which of its points have reached {@code --until-ci}, and leave the rounds to come. */
    private void judge(List<SweepPoint> visited, int round, IntervalTarget target, Set<SweepPoint> done)
            throws IOException {
        for (SweepPoint point : visited) {
            if (!runsOf.containsKey(point)) {
                continue;
            }
            OptionalDouble reach = IntervalTarget.reachPct(cleanMsgsPerS.getOrDefault(point, List.of()));
            boolean met = target.isMet(reach);
            results.converged(point.id(), met, reach.isPresent() ? reach.getAsDouble() : null);
            if (met) {
                done.add(point);
                log.printf("  %s: msgs/s within ±%s%% after %d rounds%n", point.id(), percent(reach.getAsDouble()),
                        round);
            } else if (round == plan.repetitions().maxRepeat()) {
                log.printf("  %s: msgs/s NOT within ±%s%% after %d rounds (%s)%n", point.id(),
                        percent(target.pct()), round, reach.isPresent() ? "±" + percent(reach.getAsDouble()) + "%"
                                : "too few clean repetitions for a 95% interval");
            }
        }
    }

    private static String rounds(Repetitions repetitions) {
        if (repetitions.untilCiPct() == null) {
            return repetitions.repeat() + (repetitions.repeat() == 1 ? " round" : " rounds");
        }
        return repetitions.repeat() + " to " + repetitions.maxRepeat() + " rounds, until msgs/s is within ±"
                + percent(repetitions.untilCiPct()) + "%";
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /**
     * The line printed under a run that is not clean: why it failed, why its figures are invalid (the server answered
     * with wrong bytes), or the flags it raised; null for a run with none.
     */
    static String outcome(RunResult result) {
        RunResult.RunFlags flags = result.flags();
        if (flags.failed()) {
            return "FAILED: " + flags.reason();
        }
        if (flags.corrupt()) {
            long wrong = result.errors() == null ? 0 : result.errors().mismatch();
            return "INVALID: corrupt, " + wrong + (wrong == 1 ? " echo" : " echoes") + " came back with wrong bytes";
        }
        List<String> raised = flags.raised().stream().map(RunResult.RunFlags.Flag::fieldName).toList();
        return raised.isEmpty() ? null : "flagged: " + String.join(", ", raised);
    }

    /** Stops the repetition in progress and ends the sweep after it; safe to call from a signal handler. */
    @Override
    public void interrupt() {
        interrupted = true;
        measurement.interrupt();
    }

    /** Kills whatever child process is still running; for a shutdown hook. */
    @Override
    public void killChildren() {
        measurement.killChildren();
    }
}
