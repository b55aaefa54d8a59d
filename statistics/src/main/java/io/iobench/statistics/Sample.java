package io.iobench.statistics;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * The values one figure took in the repetitions of one point, one value per repetition, in the order the
 * repetitions ran. Immutable: the values are copied in and copied out.
 *
 * <p>A figure a repetition could not give (a failed run, a null field) is left out by the caller, so that
 * {@link #size()} is the number of repetitions that speak for the point.
 *
 * <pre>
 * Sample msgsPerS = Sample.of(139_140, 137_902, 140_311, 138_650, 139_877);
 * msgsPerS.median(); // 139_140
 * </pre>
 */
public final class Sample {

    private final double[] values;
    private final double[] sorted;

    private Sample(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a sample needs at least one repetition's value");
        }
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a repetition's value must be a finite number, not " + value);
            }
        }
        this.values = values;
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    /**
     * @param values one value per repetition, finite, at least one
     * @return the sample of those values
     */
    public static Sample of(double... values) {
        return new Sample(values.clone());
    }

    /**
     * @param values one value per repetition, finite, at least one
     * @return the sample of those values
     */
    public static Sample of(List<? extends Number> values) {
        return new Sample(values.stream().mapToDouble(Number::doubleValue).toArray());
    }

    /** @return how many repetitions gave a value */
    public int size() {
        return values.length;
    }

    /** @return the values in the order the repetitions ran */
    public double[] values() {
        return values.clone();
    }

    /** @return the values from the smallest to the largest */
    public double[] sorted() {
        return sorted.clone();
    }

    /**
     * @param rank 1 for the smallest value, {@link #size()} for the largest
     * @return the value of that rank (the rank-th order statistic)
     */
    public double orderStatistic(int rank) {
        if (rank < 1 || rank > sorted.length) {
            throw new IllegalArgumentException("rank " + rank + " outside 1.." + sorted.length);
        }
        return sorted[rank - 1];
    }

    /** @return the median: the middle value, or the mean of the two middle values for an even size */
    public double median() {
        return new Median().evaluate(sorted);
    }

    /** @return the smallest value */
    public double min() {
        return sorted[0];
    }

    /** @return the largest value */
    public double max() {
        return sorted[sorted.length - 1];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sample sample && Arrays.equals(values, sample.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Sample" + Arrays.toString(values);
    }
}
