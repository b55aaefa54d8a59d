package io.iobench.results;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The range and precision of every latency histogram iobench records, writes and reads: 1 µs to 60 s with 3
 * significant digits. Histograms of one range add exactly, so runs and repetitions merge without loss.
 */
public final class LatencyHistograms {

    /** The smallest latency told apart from zero, µs. */
    public static final long LOWEST_US = 1;
    /** The largest latency recorded as itself, µs; a longer one is recorded as this and counted. */
    public static final long HIGHEST_US = 60_000_000L;
    /** Decimal digits of precision kept at every magnitude. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private LatencyHistograms() {
    }

    /** @return an empty histogram of microseconds */
    public static Histogram histogram() {
        return new Histogram(LOWEST_US, HIGHEST_US, SIGNIFICANT_DIGITS);
    }

    /** @return a recorder of microseconds whose intervals are {@link #histogram()}s */
    public static Recorder recorder() {
        return new Recorder(LOWEST_US, HIGHEST_US, SIGNIFICANT_DIGITS);
    }
}
