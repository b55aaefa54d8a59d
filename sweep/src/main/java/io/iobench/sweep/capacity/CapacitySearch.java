package io.iobench.sweep.capacity;

import io.iobench.results.CapacityFile;
import io.iobench.results.RunResult;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The search of one point, as a user would search by hand but in fewer probes: a geometric ramp until a probe
 * misses the objective, a bisection of the last bracket to the stated precision, then the found rate again, each
 * a fresh window ({@link SearchSettings}). A probe with errors, a failed one, or one whose client was at its limit
 * ends the search where it is ({@link Verdict#stops}): past errors the server is not one to measure, and past the
 * client's limit the figures are the client's. Every loop is bounded by {@link SearchSettings#maxProbes}.
 *
 * <pre>
 * SearchResult found = new CapacitySearch(settings, Objective.parse("--slo", "p99=1ms"), runner, log).run();
 * </pre>
 */
public final class CapacitySearch {

    private final SearchSettings settings;
    private final Objective objective;
    private final ProbeRunner runner;
    private final PrintStream log;
    private final List<SearchResult.Judged> probes = new ArrayList<>();

    public CapacitySearch(SearchSettings settings, Objective objective, ProbeRunner runner, PrintStream log) {
        this.settings = settings;
        this.objective = objective;
        this.runner = runner;
        this.log = log;
    }

    /** Runs the search; a probe interrupted ends it with {@link InterruptedException}. */
    public SearchResult run() throws IOException, InterruptedException {
        SearchResult.Judged passing = null;
        SearchResult.Judged failing = null;
        SearchResult.Judged stopped = null;
        // The ramp.
        long rate = settings.lowestRateMsgsPerS();
        for (int i = 0; i < settings.maxRampProbes(); i++) {
            SearchResult.Judged probe = probe(rate, "ramp");
            if (probe.verdict() == Verdict.MET) {
                passing = probe;
                if (rate >= settings.highestRateMsgsPerS()) {
                    break;
                }
                rate = Math.min(settings.highestRateMsgsPerS(), (long) Math.ceil(rate * settings.rampFactor()));
            } else {
                if (probe.verdict().stops()) {
                    stopped = probe;
                } else {
                    failing = probe;
                }
                break;
            }
        }
        // The bisection, at the geometric mean of the bracket.
        double ratio = 1 + settings.precisionPct() / 100;
        for (int i = 0; i < settings.maxBisectionProbes() && passing != null && failing != null && stopped == null
                && failing.probe().rateTargetMsgsPerS() > ratio * passing.probe().rateTargetMsgsPerS(); i++) {
            long middle = Math.round(Math.sqrt((double) passing.probe().rateTargetMsgsPerS()
                    * failing.probe().rateTargetMsgsPerS()));
            if (middle <= passing.probe().rateTargetMsgsPerS() || middle >= failing.probe().rateTargetMsgsPerS()) {
                break;
            }
            SearchResult.Judged probe = probe(middle, "bisect");
            if (probe.verdict() == Verdict.MET) {
                passing = probe;
            } else if (probe.verdict().above()) {
                failing = probe;
            } else {
                stopped = probe;
            }
        }
        // The found rate again, each with a fresh client, for an interval; not after a failed probe, whose server
        // may be gone.
        List<SearchResult.Judged> atFound = new ArrayList<>();
        if (passing != null) {
            atFound.add(passing);
            boolean failed = stopped != null && stopped.verdict() == Verdict.FAILED;
            for (int i = 1; i < settings.repeat() && !failed; i++) {
                atFound.add(probe(passing.probe().rateTargetMsgsPerS(), "repeat " + (i + 1) + "/" + settings.repeat()));
            }
        }
        SearchResult.Judged deciding = stopped != null ? stopped : failing != null ? failing : passing;
        CapacityFile.EndedBy endedBy = passing == null && deciding.verdict().above()
                ? CapacityFile.EndedBy.BELOW_LOWEST_RATE : deciding.verdict().endedBy();
        return new SearchResult(probes, passing, failing, atFound, endedBy, detail(deciding));
    }

    private SearchResult.Judged probe(long rate, String step) throws IOException, InterruptedException {
        if (probes.size() >= settings.maxProbes()) {
            throw new IllegalStateException("search ran past its " + settings.maxProbes() + " probes");
        }
        Probe probe = runner.run(rate);
        Verdict verdict = objective.judge(probe.result(), rate, probe.objectiveUs());
        SearchResult.Judged judged = new SearchResult.Judged(probe, verdict);
        probes.add(judged);
        log.printf("  capacity probe %d (%s) at %d msgs/s: %s%n", probes.size(), step, rate, detail(judged));
        return judged;
    }

    /** One line on what a probe said: {@code met, p99 420 us within 1000 us}, {@code p99 1873 us over 1000 us}. */
    String detail(SearchResult.Judged judged) {
        RunResult result = judged.probe().result();
        long rate = judged.probe().rateTargetMsgsPerS();
        String latency = judged.probe().objectiveUs().isPresent()
                ? objective.percentileName() + " " + number(judged.probe().objectiveUs().getAsDouble()) + " us"
                : objective.percentileName() + " not measured";
        String bound = number(objective.boundUs()) + " us";
        return switch (judged.verdict()) {
            case MET -> "met, " + latency + " within " + bound + " at " + rate + " msgs/s";
            case OBJECTIVE -> latency + " over " + bound + " at " + rate + " msgs/s";
            case RATE_MISSED -> number(result.throughput().msgsPerS()) + " of " + rate
                    + " msgs/s achieved (under " + number(Objective.MIN_ACHIEVED_RATIO * 100) + "%)";
            case ERRORS -> (result.errors() == null ? 0 : result.errors().total()) + " errors"
                    + (result.flags().corrupt() ? " (wrong bytes came back)" : "") + " at " + rate + " msgs/s";
            case CLIENT_BOUND -> "client_bound at " + rate + " msgs/s: the client, not the server, was the limit";
            case FAILED -> "failed at " + rate + " msgs/s: " + result.flags().reason();
        };
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
