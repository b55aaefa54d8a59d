package io.iobench.benchmarks;

import io.iobench.client.engine.Exchange;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One round trip on every connection before anything is measured, watched for progress.
 *
 * <p>A server may accept connections it will never serve: a thread pool smaller than the connection count leaves
 * the extra connections queued, select(2) cannot watch a descriptor past FD_SETSIZE. A round trip on such a
 * connection blocks forever, and inside a JMH iteration it would hang the run until JMH's ten-minute time-out.
 * Here it stops the trial within {@link #NO_PROGRESS_TIMEOUT} with a reason a reader can act on. It also makes
 * every connection carry a message once before the measured ones.
 */
final class FirstEchoes {

    /** How long the round trips may make no progress: orders of magnitude above a loaded loopback echo. */
    static final Duration NO_PROGRESS_TIMEOUT = Duration.ofSeconds(10);

    private static final long WATCH_INTERVAL_MS = 50;

    private FirstEchoes() {
    }

    /**
     * Runs one round trip on each exchange, in order, in a watched thread.
     *
     * @throws IOException when a round trip fails or none completes within {@link #NO_PROGRESS_TIMEOUT}
     */
    static void await(Exchange[] exchanges, String model) throws IOException {
        await(exchanges, model, NO_PROGRESS_TIMEOUT);
    }

    static void await(Exchange[] exchanges, String model, Duration noProgressTimeout) throws IOException {
        AtomicInteger echoed = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread worker = Thread.ofPlatform().daemon().name("iobench-first-echoes").start(() -> {
            try {
                for (Exchange exchange : exchanges) {
                    exchange.roundTrip();
                    echoed.incrementAndGet();
                }
            } catch (IOException | RuntimeException e) {
                failure.set(e);
            }
        });
        try {
            watch(worker, echoed, exchanges.length, model, noProgressTimeout);
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the first echoes", e);
        }
        Exception failed = failure.get();
        if (failed != null) {
            throw new IOException("the first round trip on connection " + echoed.get() + " of " + exchanges.length
                    + " to the " + model + " server failed: " + failed.getMessage(), failed);
        }
    }

    private static void watch(Thread worker, AtomicInteger echoed, int connections, String model,
                              Duration noProgressTimeout) throws InterruptedException, IOException {
        int seen = -1;
        long progressNs = System.nanoTime();
        while (worker.isAlive()) {
            worker.join(WATCH_INTERVAL_MS);
            int now = echoed.get();
            if (now != seen) {
                seen = now;
                progressNs = System.nanoTime();
            } else if (System.nanoTime() - progressNs > noProgressTimeout.toNanos()) {
                // Interrupting a blocked channel read closes the channel, which ends the read.
                worker.interrupt();
                worker.join();
                String noEcho = "no echo within " + noProgressTimeout.toMillis() + " ms on ";
                throw new IOException(connections == 1
                        ? noEcho + "the only connection: the " + model + " server does not answer"
                        : noEcho + "connection " + now + " of " + connections + " (" + now + " answered before it):"
                                + " the " + model + " server does not serve " + connections + " connections at once");
            }
        }
    }
}
