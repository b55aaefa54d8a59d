package io.iobench.client.engine;

import java.nio.channels.Selector;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Wakes an IO thread's selector at a time finer than the millisecond {@link Selector#select(long)} offers, so the
 * thread can block in {@code select()} (and see an echo the moment it lands) yet still send on schedule.
 *
 * <p>A parked thread wakes late by the kernel's timer slack (50 µs by default) plus scheduling delay: 85 µs at the
 * median, 105 µs at the 90th percentile on the 2-core bench VM. The IO thread therefore asks to be woken
 * {@link #EARLY_NS} before its deadline and covers the rest with {@link Selector#selectNow()}, which keeps watching
 * its sockets. There, open-loop sends at 1,000 msgs/s left a median 13 µs after their intended time (110 µs without
 * the early wake-up). The spin costs at most {@code EARLY_NS} of CPU per timed wait; when sends are due more often
 * than that (tens of thousands per second) the IO thread polls instead of sleeping, since a sleep and wake-up would
 * cost more than the gap. Polling time is counted apart ({@link Run#spinNs()}) so that pacing is never mistaken for
 * load.
 */
final class Waker implements AutoCloseable {

    /** How long before a deadline the IO thread asks to be woken; covers the usual lateness of a park. */
    static final long EARLY_NS = 100_000;

    private static final long NONE = Long.MAX_VALUE;

    private final Selector selector;
    private final LongSupplier clock;
    private final AtomicLong deadlineNs = new AtomicLong(NONE);
    private final Thread thread;
    private volatile boolean closed;

    Waker(Selector selector, LongSupplier clock, String name) {
        this.selector = selector;
        this.clock = clock;
        this.thread = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    /** Wakes the selector at {@code atNs}, replacing any earlier request; {@link Long#MAX_VALUE} cancels. */
    void wakeAt(long atNs) {
        if (deadlineNs.getAndSet(atNs) != atNs) {
            // The waker may be parked until a later deadline, or with none: let it look at the new one.
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        while (!closed) {
            waitOrWake();
        }
    }

    /** One wait; a method of its own so that the JIT compiles it soon (see {@code IoLoop.turn}). */
    private void waitOrWake() {
        long atNs = deadlineNs.get();
        if (atNs == NONE) {
            LockSupport.park(this);
            return;
        }
        long waitNs = atNs - clock.getAsLong();
        if (waitNs > 0) {
            LockSupport.parkNanos(this, waitNs);
        } else if (deadlineNs.compareAndSet(atNs, NONE)) {
            selector.wakeup();
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
