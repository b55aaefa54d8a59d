package io.iobench.client.record;

import io.iobench.client.engine.EchoSink;
import io.iobench.results.LatencyHistograms;
import org.HdrHistogram.Histogram;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * Records, per connection, the time from its first send to its first intact echo, in microseconds: how long a
 * new connection waits for the server to serve it. A connection whose first message was given up (the settle's
 * time-out: a pool with fewer workers than connections leaves the rest waiting) is recorded at that wait, a lower
 * bound, and counted: without it the percentiles would describe only the connections that were served. The echoes
 * themselves are not latency samples; the settle that uses this sink is not measured.
 */
public final class FirstEchoes implements EchoSink {

    private final Recorder firstEcho = LatencyHistograms.recorder();
    private final LongAdder unanswered = new LongAdder();

    @Override
    public void echoed(long intendedNs, long sentNs, long receivedNs) {
    }

    @Override
    public void firstEcho(long latencyNs) {
        firstEcho.recordValue(micros(latencyNs));
    }

    /** The settle sends one message per connection, so a message given up is a connection's first. */
    @Override
    public void gaveUp(long intendedNs, long sentNs, long gaveUpNs) {
        long fromNs = sentNs != Long.MIN_VALUE ? sentNs : intendedNs;
        firstEcho.recordValue(micros(gaveUpNs - fromNs));
        unanswered.increment();
    }

    /** @return connections whose first message was given up, recorded at their wait so far */
    public long unanswered() {
        return unanswered.sum();
    }

    /** @return every first echo recorded so far, and the unanswered at their lower bound, microseconds */
    public Histogram histogram() {
        return firstEcho.getIntervalHistogram();
    }

    private static long micros(long nanos) {
        return Math.clamp((nanos + 500) / 1000, 0, LatencyHistograms.HIGHEST_US);
    }
}
