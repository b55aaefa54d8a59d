package io.iobench.client.engine;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A load run in progress on an {@link Engine}: its IO threads send until the window's stop time, wait for the
 * last echoes, then end by themselves. {@link #stop()} ends them early (a dead server, a user's interrupt).
 * Closing a run stops it and waits for its threads.
 */
public final class Run implements AutoCloseable {

    private final IoLoop[] loops;
    private final Thread[] threads;

    Run(IoLoop[] loops) {
        this.loops = loops;
        this.threads = new Thread[loops.length];
        for (int i = 0; i < loops.length; i++) {
            threads[i] = Thread.ofPlatform().name(loops[i].name()).daemon().start(loops[i]);
        }
    }

    /**
     * Waits for the run to end.
     *
     * @return true when every IO thread has finished, false when {@code timeout} expired first
     */
    public boolean await(Duration timeout) throws InterruptedException {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            long leftNs = deadlineNs - System.nanoTime();
            if (leftNs <= 0 || !thread.join(Duration.ofNanos(leftNs))) {
                return false;
            }
        }
        return true;
    }

    /** @return true when every IO thread has finished */
    public boolean isDone() {
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                return false;
            }
        }
        return true;
    }

    /** Ends the run now: nothing more is sent and echoes still outstanding are given up as time-outs. */
    public void stop() {
        for (IoLoop loop : loops) {
            loop.stop();
        }
    }

    /** @return connections carrying load that are still open (the server closes or resets them when it dies) */
    public int openConnections() {
        int open = 0;
        for (IoLoop loop : loops) {
            open += loop.open();
        }
        return open;
    }

    /**
     * @return nanoseconds the IO threads spent polling for the last stretch before a timed send: CPU time the
     *         client spends for pacing precision, not for load
     */
    public long spinNs() {
        long spin = 0;
        for (IoLoop loop : loops) {
            spin += loop.spinNs();
        }
        return spin;
    }

    /** @return why an IO thread could not run at all (its selector could not open), or null */
    public IOException failure() {
        for (IoLoop loop : loops) {
            if (loop.failure() != null) {
                return loop.failure();
            }
        }
        return null;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        while (!await(Duration.ofSeconds(10))) {
            TimeUnit.MILLISECONDS.sleep(1);
        }
    }
}
