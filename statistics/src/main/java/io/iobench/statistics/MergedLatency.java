package io.iobench.statistics;

import java.util.List;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/**
 * The latency of all repetitions of a point as one distribution: their histograms added together
 * ({@link Histogram#add}), so a pooled percentile is the percentile of every message recorded in every
 * repetition. Averaging the repetitions' percentiles instead would give a number no distribution has (the mean
 * of two p99s is not the p99 of anything), which is why it is never done. The repetitions' own percentiles are
 * kept beside the pooled one, so their spread stays visible.
 *
 * <pre>
 * MergedLatency latency = MergedLatency.of(List.of(rep1, rep2, rep3));   // µs histograms, one per repetition
 * MergedLatency.PooledPercentile p99 = latency.percentile(99.0);
 * p99.pooled();                  // the p99 of all three repetitions' messages, µs
 * p99.perRepetition().median();  // the median of the three repetitions' own p99s, µs
 * </pre>
 */
public final class MergedLatency {

    private final List<AbstractHistogram> repetitions;
    private final Histogram merged;

    private MergedLatency(List<AbstractHistogram> repetitions, Histogram merged) {
        this.repetitions = repetitions;
        this.merged = merged;
    }

    /**
     * A pooled percentile and the same percentile of each repetition.
     *
     * @param percentile    the percentile, 0 to 100 (99.9 for p99.9)
     * @param pooled        the percentile of the merged histogram, in the histograms' unit (µs for iobench's)
     * @param perRepetition each repetition's own percentile, in the same unit, with their median and interval
     */
    public record PooledPercentile(double percentile, long pooled, PointEstimate perRepetition) {
    }

    /**
     * @param histograms one per repetition, each holding at least one value, all in one unit; they are copied, so
     *                   the caller may go on recording into them
     * @return their merge
     */
    public static MergedLatency of(List<? extends AbstractHistogram> histograms) {
        if (histograms.isEmpty()) {
            throw new IllegalArgumentException("no repetitions' histograms to merge");
        }
        List<AbstractHistogram> copies = histograms.stream().map(AbstractHistogram::copy).toList();
        for (int i = 0; i < copies.size(); i++) {
            if (copies.get(i).getTotalCount() == 0) {
                throw new IllegalArgumentException("repetition " + (i + 1) + " recorded no latency: leave it out");
            }
        }
        // Shaped like the first; resizing lets a repetition whose range reaches further add without loss.
        Histogram merged = new Histogram(copies.getFirst());
        merged.setAutoResize(true);
        for (AbstractHistogram repetition : copies) {
            merged.add(repetition);
        }
        return new MergedLatency(copies, merged);
    }

    /** @return how many repetitions were merged */
    public int repetitions() {
        return repetitions.size();
    }

    /** @return how many values all repetitions recorded together */
    public long totalCount() {
        return merged.getTotalCount();
    }

    /**
     * @param percentile 0 to 100
     * @return that percentile of every value of every repetition, in the histograms' unit
     */
    public long valueAtPercentile(double percentile) {
        return merged.getValueAtPercentile(percentile);
    }

    /**
     * @param percentile 0 to 100
     * @return that percentile of each repetition on its own, in the order given
     */
    public Sample perRepetition(double percentile) {
        return Sample.of(repetitions.stream().mapToDouble(h -> h.getValueAtPercentile(percentile)).toArray());
    }

    /**
     * @param percentile 0 to 100
     * @return the pooled percentile with the repetitions' own beside it
     */
    public PooledPercentile percentile(double percentile) {
        return new PooledPercentile(percentile, valueAtPercentile(percentile),
                PointEstimate.of(perRepetition(percentile)));
    }

    /** @return a copy of the merged histogram, to write as a point's .hgrm or read other statistics from */
    public Histogram histogram() {
        return merged.copy();
    }
}
