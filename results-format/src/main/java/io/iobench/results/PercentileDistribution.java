package io.iobench.results;

import java.util.List;

/**
 * A latency distribution as HdrHistogram prints it: the value at each percentile it chose to report, densest in the
 * tail (five steps per halving of the remaining distance to 100%).
 *
 * @param points     in percentile order, ending with the 100th percentile
 * @param maxUs      the largest value recorded, µs
 * @param totalCount values recorded
 */
public record PercentileDistribution(List<Point> points, double maxUs, long totalCount) {

    public PercentileDistribution {
        points = List.copyOf(points);
    }

    /**
     * One line of the distribution.
     *
     * @param valueUs     latency at this percentile, µs
     * @param percentile  fraction of values at or below {@code valueUs}, 0..1
     * @param totalCount  values at or below {@code valueUs}
     * @param inverseTail {@code 1/(1-percentile)}, the plotting position; infinite at the 100th percentile
     */
    public record Point(double valueUs, double percentile, long totalCount, double inverseTail) {
    }
}
