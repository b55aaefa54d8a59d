package io.iobench.client.engine;

/**
 * Decides when one IO thread's connections send: the moving part of a {@link LoadModel}. The IO thread calls it,
 * and only it, so a pacer needs no synchronisation.
 */
public interface Pacer {

    /**
     * Admits every message due by {@code nowNs} on this pacer's connections.
     *
     * @return the time at which more messages become due, or {@link Long#MAX_VALUE} when only echoes release
     *         messages; the IO thread sleeps until then unless an echo arrives first
     */
    long admitDue(long nowNs);

    /** Called when an echo completed on {@code connection} (intact or not) at {@code nowNs}. */
    void echoed(Outbox connection, long nowNs);
}
