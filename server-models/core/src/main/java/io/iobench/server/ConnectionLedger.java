package io.iobench.server;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Admits connections up to a cap and counts what happened to them. Every model keeps one, so the launcher can
 * report the same counters for all models and a flood beyond {@code --max-connections} is refused, not served.
 *
 * <p>Thread-safe; called once per accept and once per close, never per message.
 */
public final class ConnectionLedger {

    private volatile int maxConnections;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong acceptFailures = new AtomicLong();

    public ConnectionLedger(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /**
     * Sets the cap, before the server is in use: the launcher lowers its default once the model has started and
     * holds every descriptor it needs ({@link ServerOptions#defaultMaxConnections()}).
     */
    public void capAt(int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("max connections must be at least 1, got " + connections);
        }
        this.maxConnections = connections;
    }

    /**
     * Called for every accepted socket. Returns false when the cap is reached: the caller closes the socket at
     * once (it was counted as refused). Returns true otherwise: the caller serves it and calls {@link #closed()}
     * exactly once when it is gone.
     */
    public boolean admit() {
        for (;;) {
            int now = open.get();
            if (now >= maxConnections) {
                refused.incrementAndGet();
                return false;
            }
            if (open.compareAndSet(now, now + 1)) {
                accepted.incrementAndGet();
                return true;
            }
        }
    }

    /**
     * Counts a connection the model closed at once for a reason of its own, before {@link #admit()}: select(2)
     * cannot watch a descriptor at or above FD_SETSIZE.
     */
    public void refuse() {
        refused.incrementAndGet();
    }

    /** Called once for each admitted connection when it is closed. */
    public void closed() {
        open.decrementAndGet();
    }

    /** Called when accept itself failed (EMFILE, ENFILE, ENOBUFS...), before the model backs off. */
    public void acceptFailed() {
        acceptFailures.incrementAndGet();
    }

    public int maxConnections() {
        return maxConnections;
    }

    /** @return connections admitted and not yet closed */
    public int open() {
        return open.get();
    }

    /** @return connections admitted since start */
    public long accepted() {
        return accepted.get();
    }

    /** @return connections closed at once because {@link #maxConnections()} were open */
    public long refused() {
        return refused.get();
    }

    /** @return accept calls that failed, e.g. because the process ran out of descriptors */
    public long acceptFailures() {
        return acceptFailures.get();
    }

    @Override
    public String toString() {
        return "accepted=" + accepted() + " refused=" + refused() + " accept_failures=" + acceptFailures()
                + " open=" + open();
    }
}
