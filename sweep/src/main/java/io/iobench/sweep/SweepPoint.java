package io.iobench.sweep;

/**
 * One measurement of a sweep: a model at a connection count, idle connection count, message size and load.
 *
 * @param model           the model name
 * @param connections     active connections carrying load
 * @param idleConnections extra connections opened and never used
 * @param sizeBytes       message size in bytes
 * @param rateMsgsPerS    open-loop target rate in messages per second over all connections; 0 for closed loop
 */
public record SweepPoint(String model, int connections, int idleConnections, int sizeBytes, long rateMsgsPerS) {

    public boolean openLoop() {
        return rateMsgsPerS > 0;
    }

    /** The run's directory name: {@code <model>-c<connections>[-i<idle>]-s<size>[-r<rate>]}. */
    public String id() {
        StringBuilder id = new StringBuilder(model).append("-c").append(connections);
        if (idleConnections > 0) {
            id.append("-i").append(idleConnections);
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
