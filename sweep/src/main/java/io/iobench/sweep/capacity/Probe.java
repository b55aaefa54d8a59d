package io.iobench.sweep.capacity;

import io.iobench.results.RunResult;
import java.util.OptionalDouble;

/**
 * One probe of a search: a measured open-loop run at a target rate.
 *
 * @param runId              the run's id in the sweep directory
 * @param rateTargetMsgsPerS the rate offered, msgs/s
 * @param result             the run's result, failed ones included
 * @param objectiveUs        its corrected latency at the objective's percentile, µs; empty when not measured
 */
public record Probe(String runId, long rateTargetMsgsPerS, RunResult result, OptionalDouble objectiveUs) {
}
