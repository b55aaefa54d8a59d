package io.iobench.sweep.capacity;

import io.iobench.results.CapacityFile;
import io.iobench.results.RunResult;
import io.iobench.statistics.ConfidenceInterval;
import io.iobench.statistics.PointEstimate;
import io.iobench.statistics.Sample;
import java.util.List;
import java.util.function.Function;

/**
 * What one search found: every probe with its verdict, the highest passing and the lowest failing probe, the runs
 * at the found rate, and what ended it.
 *
 * @param probes      every probe, in the order run
 * @param passing     the highest-rate probe that met the objective; null when none did
 * @param failing     the lowest-rate probe above capacity (objective or rate missed); null when none
 * @param atFound     the runs at the found rate, its passing probe first; empty when none passed
 * @param endedBy     what ended the search
 * @param endedDetail one line on the probe that ended it
 */
public record SearchResult(List<Judged> probes, Judged passing, Judged failing, List<Judged> atFound,
                           CapacityFile.EndedBy endedBy, String endedDetail) {

    public SearchResult {
        probes = List.copyOf(probes);
        atFound = List.copyOf(atFound);
    }

    /** A probe and what it said. */
    public record Judged(Probe probe, Verdict verdict) {
    }

    /** The capacity: the median achieved rate at the found rate, with its interval; null when none passed. */
    public PointEstimate capacity() {
        return estimate(r -> r.throughput() == null ? null : r.throughput().msgsPerS());
    }

    /** The search as capacity.json records it. */
    public CapacityFile.CapacityPoint toFile(String model, int connections, int size) {
        PointEstimate capacity = capacity();
        ConfidenceInterval interval = capacity == null ? null : capacity.interval().orElse(null);
        List<CapacityFile.Probe> listed = probes.stream().map(j -> new CapacityFile.Probe(j.probe().runId(),
                j.probe().rateTargetMsgsPerS(),
                j.probe().result().throughput() == null ? null : j.probe().result().throughput().msgsPerS(),
                j.probe().objectiveUs().isPresent() ? j.probe().objectiveUs().getAsDouble() : null,
                j.verdict().fieldName())).toList();
        return new CapacityFile.CapacityPoint(model, connections, size,
                capacity == null ? null : capacity.median(), interval == null ? null : interval.low(),
                interval == null ? null : interval.high(), interval == null ? null : interval.coverage(),
                passing == null ? null : passing.probe().rateTargetMsgsPerS(),
                failing == null ? null : failing.probe().rateTargetMsgsPerS(),
                (int) atFound.stream().filter(j -> j.verdict() == Verdict.MET).count(), atFound.size(),
                median(r -> r.server() == null ? null : r.server().cpu().cpuCores()),
                median(r -> r.server() == null ? null : r.server().cpu().cpuUsPerMsg()),
                median(r -> corrected(r) == null ? null : (double) corrected(r).p50()),
                median(r -> corrected(r) == null ? null : (double) corrected(r).p99()),
                median(r -> corrected(r) == null ? null : (double) corrected(r).p999()),
                medianOfObjective(), endedBy, endedDetail, listed);
    }

    private static RunResult.Latency corrected(RunResult result) {
        return result.latencyUs() == null ? null : result.latencyUs().corrected();
    }

    private Double median(Function<RunResult, Double> figure) {
        PointEstimate estimate = estimate(figure);
        return estimate == null ? null : estimate.median();
    }

    private Double medianOfObjective() {
        List<Double> values = atFound.stream().filter(j -> j.probe().objectiveUs().isPresent())
                .map(j -> j.probe().objectiveUs().getAsDouble()).toList();
        return values.isEmpty() ? null : Sample.of(values).median();
    }

    /** A figure over the completed runs at the found rate; null when none gave it. */
    private PointEstimate estimate(Function<RunResult, Double> figure) {
        List<Double> values = atFound.stream().map(j -> j.probe().result())
                .filter(r -> !r.flags().failed()).map(figure).filter(v -> v != null).toList();
        return values.isEmpty() ? null : PointEstimate.of(Sample.of(values));
    }
}
