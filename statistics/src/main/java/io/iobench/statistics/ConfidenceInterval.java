package io.iobench.statistics;

/**
 * A range that holds the true value of a statistic with a stated probability, and how it was found.
 *
 * @param low      lower end, in the unit of the figure (for a ratio: unitless)
 * @param high     upper end, in the same unit
 * @param coverage probability, 0 to 1, that an interval made this way holds the true value: exact for
 *                 {@link Method#ORDER_STATISTICS} (and below 0.95 when the repetitions are too few for more),
 *                 nominal for {@link Method#PERCENTILE_BOOTSTRAP}
 * @param method   how the interval was found
 */
public record ConfidenceInterval(double low, double high, double coverage, Method method) {

    /** How an interval was found. */
    public enum Method {
        /**
         * Distribution-free interval for a median: two order statistics whose ranks are chosen from the
         * binomial(n, ½) distribution of how many repetitions fall below the true median.
         */
        ORDER_STATISTICS("order-statistic interval for the median"),
        /** The 2.5th and 97.5th percentiles of a statistic recomputed on resampled repetitions. */
        PERCENTILE_BOOTSTRAP("percentile bootstrap over repetitions");

        private final String description;

        Method(String description) {
            this.description = description;
        }

        /** @return a few words naming the method, for a report's footnote */
        public String description() {
            return description;
        }
    }

    /**
     * Checks the ends are in order.
     */
    public ConfidenceInterval {
        if (!(low <= high)) {
            throw new IllegalArgumentException("interval [" + low + ", " + high + "] has its ends swapped");
        }
        if (!(coverage > 0 && coverage <= 1)) {
            throw new IllegalArgumentException("coverage " + coverage + " outside (0, 1]");
        }
    }

    /**
     * @param value a value in the unit of the interval
     * @return whether the interval, ends included, holds it
     */
    public boolean contains(double value) {
        return low <= value && value <= high;
    }
}
