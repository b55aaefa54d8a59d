package io.iobench.client.record;

import io.iobench.results.LatencyHistograms;
import io.iobench.results.LatencyLogFile;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * Once a second, takes the interval histograms of a {@link RunRecorder}: appends them to the run's
 * {@link LatencyLogFile}, adds them to the run's totals, and prints a progress line on stderr, as wrk and JMH users
 * expect:
 * <pre>
 * warmup      1s       48,213 msgs/s  p99    0.251 ms  max    1.203 ms  errors 0
 * measure     3s       51,877 msgs/s  p99    0.240 ms  max    0.981 ms  errors 0
 * </pre>
 * The p99 and max are corrected in an open loop, uncorrected in a closed one. Runs on one thread (the one that
 * drives the run); the IO threads keep recording meanwhile.
 */
public final class IntervalReporter implements AutoCloseable {

    private final RunRecorder recorder;
    private final LatencyLogFile log;
    private final PrintStream progress;
    private final LongSupplier errors;
    private final Histogram uncorrectedTotal = LatencyHistograms.histogram();
    private final Histogram correctedTotal;
    private Histogram uncorrectedInterval;
    private Histogram correctedInterval;
    private Histogram warmupInterval;

    /**
     * @param log      where measured intervals go, or null for none
     * @param progress where progress lines go, or null for none
     * @param errors   the run's error count so far
     */
    public IntervalReporter(RunRecorder recorder, LatencyLogFile log, PrintStream progress, LongSupplier errors) {
        this.recorder = recorder;
        this.log = log;
        this.progress = progress;
        this.errors = errors;
        this.correctedTotal = recorder.correcting() ? LatencyHistograms.histogram() : null;
    }

    /** Reports the warm-up's last second; {@code elapsedS} is seconds since load began. */
    public void warmupTick(double elapsedS) {
        warmupInterval = recorder.warmupInterval(warmupInterval);
        print("warmup", elapsedS, warmupInterval);
    }

    /** Reports the measured window's last second; {@code elapsedS} is seconds since the window began. */
    public void measuredTick(double elapsedS) {
        takeMeasuredInterval();
        print("measure", elapsedS, correctedInterval != null ? correctedInterval : uncorrectedInterval);
    }

    /** Takes what was recorded since the last tick into the log and totals, without a progress line. */
    public void finish() {
        takeMeasuredInterval();
    }

    private void takeMeasuredInterval() {
        uncorrectedInterval = recorder.uncorrectedInterval(uncorrectedInterval);
        // The recorders exist since before the warm-up: the log's first interval starts with the window.
        uncorrectedInterval.setStartTimeStamp(Math.max(uncorrectedInterval.getStartTimeStamp(),
                recorder.measureStartEpochMs()));
        uncorrectedTotal.add(uncorrectedInterval);
        correctedInterval = recorder.correctedInterval(correctedInterval);
        if (correctedInterval != null) {
            correctedInterval.setStartTimeStamp(uncorrectedInterval.getStartTimeStamp());
            correctedTotal.add(correctedInterval);
        }
        if (log != null) {
            log.interval(uncorrectedInterval, correctedInterval);
        }
    }

    private void print(String phase, double elapsedS, Histogram interval) {
        if (progress == null) {
            return;
        }
        double seconds = Math.max(1e-3, (interval.getEndTimeStamp() - interval.getStartTimeStamp()) / 1000.0);
        progress.println(String.format(Locale.ROOT, "%-8s %5.0fs %,12.0f msgs/s  p99 %8.3f ms  max %8.3f ms  errors %d",
                phase, elapsedS, interval.getTotalCount() / seconds, interval.getValueAtPercentile(99.0) / 1000.0,
                interval.getMaxValue() / 1000.0, errors.getAsLong()));
        progress.flush();
    }

    /** @return latency from the actual send time over the measured window, microseconds */
    public Histogram uncorrected() {
        return uncorrectedTotal;
    }

    /** @return latency from the intended send time over the measured window, or null in a closed loop */
    public Histogram corrected() {
        return correctedTotal;
    }

    @Override
    public void close() throws IOException {
        if (log != null) {
            log.close();
        }
    }
}
