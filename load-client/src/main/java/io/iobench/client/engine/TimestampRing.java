package io.iobench.client.engine;

/**
 * The send timestamps of one connection's outstanding messages (admitted and not yet echoed), indexed by sequence
 * number. The ring starts small and doubles up to its bound, so 10,000 quiet connections cost little memory and a
 * backlogged one never allocates again once grown; the bound is what a load model allows outstanding.
 *
 * <p>Not thread-safe: owned by one IO thread.
 */
final class TimestampRing {

    private static final int INITIAL_CAPACITY = 4;

    private int bound;
    /** Intended and sent time of each slot side by side: one cache line holds both. */
    private long[] times;
    private int mask;
    /** Sequence number of the oldest outstanding message. */
    private long head;
    /** Sequence number the next admitted message gets. */
    private long tail;

    /**
     * A ring for a new connection: its first message is sequence number 0, and numbers run on across runs.
     *
     * @param bound messages outstanding at most
     */
    TimestampRing(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be at least 1, got " + bound);
        }
        this.bound = bound;
        allocate(Math.min(ceilingPowerOfTwo(bound), INITIAL_CAPACITY));
    }

    /**
     * Admits a message intended to be sent at {@code intendedNs}.
     *
     * @return false, admitting nothing, when {@link #bound()} messages are outstanding already
     */
    boolean offer(long intendedNs) {
        int outstanding = (int) (tail - head);
        if (outstanding >= bound) {
            return false;
        }
        if (outstanding == mask + 1) {
            grow();
        }
        int slot = ((int) tail & mask) << 1;
        times[slot] = intendedNs;
        times[slot + 1] = Long.MIN_VALUE;
        tail++;
        return true;
    }

    void sent(long sequence, long nowNs) {
        times[(((int) sequence & mask) << 1) + 1] = nowNs;
    }

    long intendedNs(long sequence) {
        return times[((int) sequence & mask) << 1];
    }

    long sentNs(long sequence) {
        return times[(((int) sequence & mask) << 1) + 1];
    }

    /** Forgets the oldest outstanding message, whose echo has completed. */
    void remove() {
        head++;
    }

    /** @return the sequence number of the oldest outstanding message */
    long head() {
        return head;
    }

    /** @return the number of messages admitted so far: the sequence number of the next one */
    long tail() {
        return tail;
    }

    int outstanding() {
        return (int) (tail - head);
    }

    int bound() {
        return bound;
    }

    /** Changes the bound, for the next run on the connection; only while nothing is outstanding. */
    void bound(int newBound) {
        if (newBound < 1 || outstanding() > 0) {
            throw new IllegalStateException("a ring's bound changes only when empty, to at least 1");
        }
        bound = newBound;
    }

    private void grow() {
        long[] old = times;
        int oldMask = mask;
        allocate((oldMask + 1) * 2);
        for (long seq = head; seq < tail; seq++) {
            int from = ((int) seq & oldMask) << 1;
            int to = ((int) seq & mask) << 1;
            times[to] = old[from];
            times[to + 1] = old[from + 1];
        }
    }

    private static int ceilingPowerOfTwo(int n) {
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }

    private void allocate(int capacity) {
        times = new long[capacity * 2];
        mask = capacity - 1;
    }
}
