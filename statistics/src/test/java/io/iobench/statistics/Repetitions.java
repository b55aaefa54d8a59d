package io.iobench.statistics;

import java.util.SplittableRandom;

/** Synthetic repetitions for the comparison tests: normal around a median, drawn from a fixed seed. */
final class Repetitions {

    private Repetitions() {
    }

    /**
     * @param random   the source, seeded by the test
     * @param n        how many repetitions
     * @param median   the distribution's median
     * @param relative its standard deviation over its median, such as 0.02 for 2%
     * @return n values from that distribution
     */
    static Sample normal(SplittableRandom random, int n, double median, double relative) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = median * (1 + relative * random.nextGaussian());
        }
        return Sample.of(values);
    }
}
