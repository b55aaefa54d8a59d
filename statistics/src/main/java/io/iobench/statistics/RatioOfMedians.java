package io.iobench.statistics;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * B's median as a multiple of A's, with a 95% percentile-bootstrap interval. Each resample draws as
 * many repetitions as each side has, with replacement, from that side's own repetitions, and takes the ratio of
 * the two resampled medians (B's drawn first); the interval runs from the 2.5th to the 97.5th percentile of those
 * ratios. Whole repetitions are resampled, never messages within one, because a repetition (a fresh pair of JVMs
 * on a host with neighbours) is the unit whose variation a comparison has to see past.
 *
 * <p>The bootstrap is used here, where the order-statistic interval of {@link PointEstimate} has no counterpart:
 * no distribution-free interval exists for a ratio of two medians. It is reproducible: the same samples, seed
 * and number of resamples give the same interval. With few repetitions its coverage is below the nominal 95%
 * (the resampled medians can only take the values the repetitions took), which is one more reason a verdict
 * needs {@link PointEstimate#MIN_REPETITIONS} a side.
 *
 * <pre>
 * RatioOfMedians r = RatioOfMedians.bootstrap(before, after, 13L);
 * r.ratio();                     // after's median / before's median
 * r.interval().contains(1.0);    // false: the sets differ
 * </pre>
 *
 * @param ratio     B's median over A's median
 * @param interval  the 95% percentile-bootstrap interval of the ratio
 * @param resamples how many resamples the interval was found from
 * @param seed      the seed the resampling started from
 */
public record RatioOfMedians(double ratio, ConfidenceInterval interval, int resamples, long seed) {

    /** Resamples drawn unless told otherwise: enough that the ends of the interval move by well under 1%. */
    public static final int DEFAULT_RESAMPLES = 10_000;
    /** The interval's nominal coverage. */
    public static final double CONFIDENCE = 0.95;

    /**
     * @param a    the reference (the denominator); every value above zero, so no resampled median is zero
     * @param b    the other set (the numerator); no value below zero
     * @param seed seeds the resampling, to be recorded beside the result
     * @return B's median over A's, with its interval from {@link #DEFAULT_RESAMPLES} resamples
     */
    public static RatioOfMedians bootstrap(Sample a, Sample b, long seed) {
        return bootstrap(a, b, seed, DEFAULT_RESAMPLES);
    }

    /**
     * @param a         the reference (the denominator); every value above zero
     * @param b         the other set (the numerator); no value below zero
     * @param seed      seeds the resampling
     * @param resamples how many resamples to draw, at least 100
     * @return B's median over A's, with its interval
     */
    public static RatioOfMedians bootstrap(Sample a, Sample b, long seed, int resamples) {
        if (!definedFor(a, b)) {
            throw new IllegalArgumentException("a ratio of medians needs A's values above zero and B's not below: "
                    + a + ", " + b);
        }
        if (resamples < 100) {
            throw new IllegalArgumentException("at least 100 resamples, not " + resamples);
        }
        double[] aValues = a.values();
        double[] bValues = b.values();
        double[] aDrawn = new double[aValues.length];
        double[] bDrawn = new double[bValues.length];
        double[] ratios = new double[resamples];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < resamples; i++) {
            ratios[i] = medianOfDraw(bValues, bDrawn, random) / medianOfDraw(aValues, aDrawn, random);
        }
        Percentile percentile = new Percentile();
        percentile.setData(ratios);
        double tail = (1 - CONFIDENCE) / 2 * 100;
        ConfidenceInterval interval = new ConfidenceInterval(percentile.evaluate(tail),
                percentile.evaluate(100 - tail), CONFIDENCE, ConfidenceInterval.Method.PERCENTILE_BOOTSTRAP);
        return new RatioOfMedians(b.median() / a.median(), interval, resamples, seed);
    }

    /**
     * @return whether the ratio is a finite number for every resample: A's values all above zero (so no
     *         resampled median of A is zero) and B's none below
     */
    public static boolean definedFor(Sample a, Sample b) {
        return a.min() > 0 && b.min() >= 0;
    }

    /**
     * Draws {@code into.length} repetitions from {@code from} with replacement and returns their median, as
     * {@link Sample#median()} defines it. Sorted in place rather than through commons-math's {@code Median}, which
     * copies its input on each of the 20,000 calls a comparison makes.
     */
    private static double medianOfDraw(double[] from, double[] into, SplittableRandom random) {
        for (int i = 0; i < into.length; i++) {
            into[i] = from[random.nextInt(from.length)];
        }
        Arrays.sort(into);
        int middle = into.length / 2;
        return into.length % 2 == 1 ? into[middle] : (into[middle - 1] + into[middle]) / 2;
    }

    @Override
    public String toString() {
        return ratio + "× [" + interval.low() + ", " + interval.high() + "] (" + resamples + " resamples, seed "
                + seed + ")";
    }
}
