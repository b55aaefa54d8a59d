package io.iobench.server;

/**
 * How long to stop accepting after accept failed, typically with EMFILE or ENFILE. Retrying at once would spin a
 * core on a listening socket that stays readable; giving up would stop the server. The delay doubles from
 * {@link #MIN_DELAY_MS} to {@link #MAX_DELAY_MS} while failures continue and resets on the next success, so the
 * server resumes accepting soon after descriptors are freed.
 *
 * <p>Not thread-safe: one per accepting thread.
 */
public final class AcceptBackoff {

    public static final long MIN_DELAY_MS = 1;
    public static final long MAX_DELAY_MS = 100;

    private long nextDelayMs = MIN_DELAY_MS;

    /** @return the pause to take after this failure, in milliseconds */
    public long failed() {
        long delayMs = nextDelayMs;
        nextDelayMs = Math.min(MAX_DELAY_MS, nextDelayMs * 2);
        return delayMs;
    }

    /** Called after an accept succeeded. */
    public void succeeded() {
        nextDelayMs = MIN_DELAY_MS;
    }

    /** Sleeps for {@link #failed()}; returns false if interrupted, i.e. the server is closing. */
    public boolean pauseAfterFailure() {
        try {
            Thread.sleep(failed());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
