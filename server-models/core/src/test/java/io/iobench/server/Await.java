package io.iobench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polling for what a server does on its own threads, with a deadline and a message saying what never happened. */
final class Await {

    private static final long POLL_INTERVAL_MS = 10;

    private Await() {
    }

    /** Fails unless {@code condition} holds within {@code timeout}; {@code what} is read only on failure. */
    static void until(Supplier<String> what, BooleanSupplier condition, Duration timeout) {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadlineNs) {
                fail("not within %s: %s", timeout, what.get());
            }
            sleep();
        }
    }

    /** Fails unless {@code leftovers} becomes empty within {@code timeout}, listing what is left. */
    static void empty(String what, Supplier<List<String>> leftovers, Duration timeout) {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        List<String> left = leftovers.get();
        while (!left.isEmpty() && System.nanoTime() < deadlineNs) {
            sleep();
            left = leftovers.get();
        }
        assertThat(left).as(what).isEmpty();
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_INTERVAL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
