package io.iobench.client.record;

import io.iobench.client.engine.EchoSink;
import io.iobench.client.proc.ThreadStats;
import io.iobench.client.proc.ThreadStats.ThreadStat;
import io.iobench.results.LatencyHistograms;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Records a run's echoes into HdrHistogram {@link Recorder}s, in microseconds: latency from the actual send time
 * (uncorrected) and, for an open loop, from the intended send time (corrected for coordinated omission).
 *
 * <p>A message belongs to the window in which it was <em>intended</em> to be sent: one intended before the
 * measured window starts is warm-up, recorded apart (for the progress line) and never reported; one intended
 * inside it is recorded even when its echo completes after the window ended, so a stall at the very end still
 * counts. Throughput counts echoes <em>completed</em> inside the window. Values beyond the histogram's range are
 * recorded at its top and counted ({@link #clamped()}), never thrown. A message given up (never echoed) is recorded
 * at a lower bound of its latency when it was still waiting inside the window, even if it was intended before it: a
 * server that stops answering leaves exactly those messages.
 *
 * <p>What went unanswered inside the window, and when the IO threads did not run, goes to a {@link StallRecorder}.
 *
 * <p>IO threads record; a reporter thread takes interval histograms, the HdrHistogram way.
 */
public final class RunRecorder implements EchoSink {

    private final long measureStartNs;
    private final long measureEndNs;
    private final long measureStartEpochMs;
    private final Recorder warmup = LatencyHistograms.recorder();
    private final Recorder uncorrected = LatencyHistograms.recorder();
    private final Recorder corrected;
    private final LongAdder messages = new LongAdder();
    private final LongAdder clamped = new LongAdder();
    private final LongAdder uncorrectedLowerBounds = new LongAdder();
    private final LongAdder correctedLowerBounds = new LongAdder();
    private final Map<Long, ThreadStat> ioThreadsAtStop = new ConcurrentHashMap<>();
    private final StallRecorder stalls;

    /**
     * @param measureStartNs start of the measured window (end of warm-up), {@link System#nanoTime()} base
     * @param measureEndNs   end of the measured window
     * @param corrected      whether to record latency from the intended send time (open loop)
     */
    public RunRecorder(long measureStartNs, long measureEndNs, boolean corrected) {
        this.measureStartNs = measureStartNs;
        this.measureEndNs = measureEndNs;
        this.measureStartEpochMs = System.currentTimeMillis() + (measureStartNs - System.nanoTime()) / 1_000_000;
        this.corrected = corrected ? LatencyHistograms.recorder() : null;
        this.stalls = new StallRecorder(measureStartNs, measureEndNs);
    }

    @Override
    public void echoed(long intendedNs, long sentNs, long receivedNs) {
        if (receivedNs >= measureStartNs && receivedNs < measureEndNs) {
            messages.increment();
        }
        if (intendedNs < measureStartNs) {
            warmup.recordValue(micros(receivedNs - (corrected != null ? intendedNs : sentNs)));
        } else if (intendedNs < measureEndNs) {
            uncorrected.recordValue(micros(receivedNs - sentNs));
            if (corrected != null) {
                corrected.recordValue(micros(receivedNs - intendedNs));
            }
        }
    }

    /**
     * A message given up, recorded at its lower bound when it was waiting inside the window (intended before its end,
     * given up after its start): from its intended time (corrected) and, if it was sent, from its send (uncorrected).
     * Throughput does not count it.
     */
    @Override
    public void gaveUp(long intendedNs, long sentNs, long gaveUpNs) {
        if (gaveUpNs <= measureStartNs || intendedNs >= measureEndNs) {
            return;
        }
        if (corrected != null) {
            corrected.recordValue(micros(gaveUpNs - intendedNs));
            correctedLowerBounds.increment();
        }
        if (sentNs != Long.MIN_VALUE) {
            uncorrected.recordValue(micros(gaveUpNs - sentNs));
            uncorrectedLowerBounds.increment();
        }
    }

    /**
     * Each IO thread reads itself as it stops sending: in a closed loop it drains in one round trip and may be gone
     * before the window's end is read, and its CPU over the window would be lost with it.
     */
    @Override
    public void stoppedSending() {
        try {
            Map.Entry<Long, ThreadStat> self = ThreadStats.readCurrentThread();
            ioThreadsAtStop.put(self.getKey(), self.getValue());
        } catch (IOException e) {
            // Without /proc the window's end reading is all there is.
        }
    }

    /** @return each IO thread's reading of itself as it stopped sending, by thread id */
    public Map<Long, ThreadStat> ioThreadsAtStop() {
        return Map.copyOf(ioThreadsAtStop);
    }

    @Override
    public void unanswered(int connection, long fromNs, long toNs) {
        stalls.unanswered(connection, fromNs, toNs);
    }

    @Override
    public void ioThreadStalled(long fromNs, long toNs) {
        stalls.ioThreadStalled(fromNs, toNs);
    }

    /** @return what went unanswered, and when the IO threads did not run, inside the window so far */
    public StallRecorder.Stalls stalls() {
        return stalls.stalls();
    }

    /** @return how long a connection must go unanswered, or an IO thread not run, to stall: a tenth of the window */
    public long stalledNs() {
        return stalls.stalledNs();
    }

    /** @return messages given up and recorded at a lower bound in the uncorrected histogram */
    public long uncorrectedLowerBounds() {
        return uncorrectedLowerBounds.sum();
    }

    /** @return messages given up and recorded at a lower bound in the corrected histogram */
    public long correctedLowerBounds() {
        return correctedLowerBounds.sum();
    }

    private long micros(long nanos) {
        long micros = (nanos + 500) / 1000;
        if (micros > LatencyHistograms.HIGHEST_US || micros < 0) {
            clamped.increment();
            return micros < 0 ? 0 : LatencyHistograms.HIGHEST_US;
        }
        return micros;
    }

    /** @return whether corrected latency is recorded (open loop) */
    public boolean correcting() {
        return corrected != null;
    }

    /** @return the warm-up's latency since the last call: corrected in an open loop, else uncorrected */
    Histogram warmupInterval(Histogram recycle) {
        return warmup.getIntervalHistogram(recycle);
    }

    Histogram uncorrectedInterval(Histogram recycle) {
        return uncorrected.getIntervalHistogram(recycle);
    }

    /** @return corrected latency since the last call, or null in a closed loop */
    Histogram correctedInterval(Histogram recycle) {
        return corrected == null ? null : corrected.getIntervalHistogram(recycle);
    }

    /** @return echoes completed inside the measured window */
    public long messages() {
        return messages.sum();
    }

    /** @return values that fell outside the histogram range and were recorded at its edge */
    public long clamped() {
        return clamped.sum();
    }

    /** @return the start of the measured window in wall-clock milliseconds since the epoch */
    public long measureStartEpochMs() {
        return measureStartEpochMs;
    }
}
