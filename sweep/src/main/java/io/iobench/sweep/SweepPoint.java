package io.iobench.sweep;

/**
 * One measurement of a sweep: a model at a connection count, idle connection count, message size, load and, where
 * the plan sets them, server threads.
 *
 * @param model           the model name
 * @param connections     active connections carrying load
 * @param idleConnections extra connections opened and never used
 * @param sizeBytes       message size in bytes
 * @param rateMsgsPerS    open-loop target rate in messages per second over all connections; 0 for closed loop
 * @param threads         the server's {@code --threads} as the plan gives it for this model; null for the sweep's
 *                        default (a pool sized to the connections, a reactor per CPU)
 */
public record SweepPoint(String model, int connections, int idleConnections, int sizeBytes, long rateMsgsPerS,
                         Integer threads) {

    /** A point at the sweep's default threads. */
    public SweepPoint(String model, int connections, int idleConnections, int sizeBytes, long rateMsgsPerS) {
        this(model, connections, idleConnections, sizeBytes, rateMsgsPerS, null);
    }

    public boolean openLoop() {
        return rateMsgsPerS > 0;
    }

    /** The run's directory name: {@code <model>-c<connections>[-i<idle>][-t<threads>]-s<size>[-r<rate>]}. */
    public String id() {
        StringBuilder id = new StringBuilder(model).append("-c").append(connections);
        if (idleConnections > 0) {
            id.append("-i").append(idleConnections);
        }
        if (threads != null) {
            id.append("-t").append(threads);
        }
        id.append("-s").append(sizeBytes);
        if (openLoop()) {
            id.append("-r").append(rateMsgsPerS);
        }
        return id.toString();
    }

    /** Descriptors the client needs for this point: one per connection. */
    public int clientDescriptors() {
        return connections + idleConnections;
    }
}
