package io.iobench.client.load;

import io.iobench.client.engine.LoadModel;
import io.iobench.client.engine.Outbox;
import io.iobench.client.engine.Pacer;
import io.iobench.results.LoadMode;
import java.util.List;

/**
 * Closed loop: each connection keeps {@code pipeline} messages in flight and sends the next as soon as an echo
 * completes. Throughput is then what the server can answer, but a stall stops the senders too: only the messages
 * caught in it record the stall, which is why a closed loop's percentiles understate it (coordinated omission)
 * and no corrected latency is reported for it.
 */
public final class ClosedLoop implements LoadModel {

    private final int pipeline;

    /** @param pipeline messages in flight per connection, at least 1 */
    public ClosedLoop(int pipeline) {
        if (pipeline < 1) {
            throw new IllegalArgumentException("pipeline must be at least 1, got " + pipeline);
        }
        this.pipeline = pipeline;
    }

    @Override
    public int maxOutstanding() {
        return pipeline;
    }

    @Override
    public LoadMode mode() {
        return LoadMode.CLOSED;
    }

    @Override
    public Pacer pacer(List<? extends Outbox> share, int totalConnections, long startNs) {
        Outbox[] connections = share.toArray(Outbox[]::new);
        return new Pacer() {
            private boolean started;

            @Override
            public long admitDue(long nowNs) {
                if (!started) {
                    started = true;
                    for (Outbox connection : connections) {
                        for (int i = 0; i < pipeline; i++) {
                            connection.admit(nowNs);
                        }
                    }
                }
                return Long.MAX_VALUE;
            }

            @Override
            public void echoed(Outbox connection, long nowNs) {
                connection.admit(nowNs);
            }
        };
    }

    @Override
    public String toString() {
        return "closed loop, " + pipeline + " in flight per connection";
    }
}
