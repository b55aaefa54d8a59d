package io.iobench.sweep.capacity;

/**
 * How a search chooses its rates: a geometric ramp from {@code lowestRateMsgsPerS}, each probe {@code rampFactor}
 * times the last, until one misses the objective or {@code highestRateMsgsPerS} passes; then a bisection (at the
 * geometric mean of the passing and the failing rate) until the failing rate is within {@code precisionPct}
 * above the passing one; then the found rate again until {@code repeat} runs were made there.
 *
 * @param lowestRateMsgsPerS  the first probe's rate, msgs/s
 * @param highestRateMsgsPerS the highest rate tried, msgs/s
 * @param rampFactor          above 1
 * @param precisionPct        above 0, percent
 * @param repeat              runs at the found rate in all, its passing probe included, at least 1
 */
public record SearchSettings(long lowestRateMsgsPerS, long highestRateMsgsPerS, double rampFactor,
                             double precisionPct, int repeat) {

    public SearchSettings {
        if (lowestRateMsgsPerS < 1 || highestRateMsgsPerS < lowestRateMsgsPerS) {
            throw new IllegalArgumentException("rates " + lowestRateMsgsPerS + " to " + highestRateMsgsPerS);
        }
        if (!(rampFactor > 1) || !(precisionPct > 0) || repeat < 1) {
            throw new IllegalArgumentException("factor " + rampFactor + ", precision " + precisionPct + "%, repeat "
                    + repeat);
        }
    }

    /** The most ramp probes: from the lowest rate to the highest, a factor at a time. */
    int maxRampProbes() {
        return (int) Math.ceil(Math.log((double) highestRateMsgsPerS / lowestRateMsgsPerS) / Math.log(rampFactor))
                + 1;
    }

    /** The most bisection probes: each halves the bracket's logarithm, from one ramp factor to the precision. */
    int maxBisectionProbes() {
        double halvings = Math.log(Math.log(rampFactor) / Math.log(1 + precisionPct / 100)) / Math.log(2);
        return Math.max(0, (int) Math.ceil(halvings)) + 1;
    }

    /** The most probes one search runs. */
    public int maxProbes() {
        return maxRampProbes() + maxBisectionProbes() + repeat - 1;
    }
}
