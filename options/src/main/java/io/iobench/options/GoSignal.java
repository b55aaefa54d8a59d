package io.iobench.options;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The start barrier of processes started together on several hosts: each prints {@link #ARMED} once ready and
 * waits for a line {@link #GO} on stdin, read by {@link StopRequests#watchStdin(java.util.function.Consumer)}; end of
 * stdin while waiting is a stop request, as with {@code --exit-on-stdin-eof}.
 */
public final class GoSignal implements java.util.function.Consumer<String> {

    /** The line a process prints on stdout when it waits for {@link #GO}. */
    public static final String ARMED = "ARMED";
    /** The line on stdin that releases the process. */
    public static final String GO = "GO";
    /** The longest a process waits for {@link #GO}. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final CountDownLatch go = new CountDownLatch(1);

    /** Takes one line of stdin: {@link #GO} releases the wait, any other line is ignored. */
    @Override
    public void accept(String line) {
        if (line.strip().equals(GO)) {
            go.countDown();
        }
    }

    /**
     * Waits for {@link #GO}, checking {@code stop} every 50 ms.
     *
     * @return null once GO arrived, else why the wait ended (a stop request, or {@code timeout} passed)
     */
    public String await(Duration timeout, StopRequests stop) throws InterruptedException {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (!go.await(50, TimeUnit.MILLISECONDS)) {
            if (stop.requested()) {
                return "stopped by " + stop.cause().map(StopCause::description).orElse("request") + " before GO";
            }
            if (System.nanoTime() >= deadlineNs) {
                return "no GO line on stdin within " + Quantities.format(timeout) + " of ARMED";
            }
        }
        return null;
    }

    /** The line printed at release: {@code GO clock_ms=<epoch ms, 3 decimals>}, this host's wall clock. */
    public static String releasedLine() {
        java.time.Instant now = java.time.Instant.now();
        double ms = now.getEpochSecond() * 1e3 + now.getNano() / 1e6;
        return String.format(java.util.Locale.ROOT, "%s clock_ms=%.3f", GO, ms);
    }
}
