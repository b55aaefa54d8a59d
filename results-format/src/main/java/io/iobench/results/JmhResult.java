package io.iobench.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of a JMH JSON result file: a benchmark method at one set of parameters.
 *
 * @param benchmark  the fully qualified method, {@code io.iobench.benchmarks.EchoBenchmark.roundTrip}
 * @param mode       {@code thrpt}, {@code avgt}, {@code sample}, {@code ss}
 * @param params     the {@code @Param} values, in JMH's order
 * @param score      the primary metric's score, in {@code unit}
 * @param scoreError the half-width of JMH's 99.9% confidence interval; NaN when JMH could not compute it
 * @param unit       such as {@code ops/s} or {@code us/op}
 * @param samples    measurement samples behind the score (forks × iterations)
 * @param secondary  secondary metrics (profilers, {@code @AuxCounters}) by name
 */
public record JmhResult(String benchmark, String mode, Map<String, String> params, double score, double scoreError,
                        String unit, int samples, List<Secondary> secondary) {

    public JmhResult {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        secondary = List.copyOf(secondary);
    }

    /** {@code EchoBenchmark.roundTrip}: the class and method, enough to tell benchmarks of one suite apart. */
    public String shortName() {
        String[] parts = benchmark.split("\\.");
        return parts.length < 2 ? benchmark : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    /** A secondary metric with its score, error and unit. */
    public record Secondary(String name, double score, double scoreError, String unit) {
    }
}
