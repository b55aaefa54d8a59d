package io.iobench.client.record;

import io.iobench.client.engine.EchoSink;
import io.iobench.results.LatencyHistograms;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Records, per connection, the time from its first send to its first intact echo, in microseconds: how long a
 * new connection waits for the server to serve it. The echoes themselves are not latency samples; the settle that
 * uses this sink is not measured.
 */
public final class FirstEchoes implements EchoSink {

    private final Recorder firstEcho = LatencyHistograms.recorder();

    @Override
    public void echoed(long intendedNs, long sentNs, long receivedNs) {
    }

    @Override
    public void firstEcho(long latencyNs) {
        firstEcho.recordValue(Math.clamp((latencyNs + 500) / 1000, 0, LatencyHistograms.HIGHEST_US));
    }

    /** @return every first echo recorded so far, microseconds */
    public Histogram histogram() {
        return firstEcho.getIntervalHistogram();
    }
}
