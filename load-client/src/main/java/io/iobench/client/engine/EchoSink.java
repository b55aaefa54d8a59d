package io.iobench.client.engine;

/**
 * Receives every intact echo. Called from IO threads (from several when the engine has several), so an
 * implementation must be thread-safe and cheap: an HdrHistogram {@code Recorder} is both.
 *
 * <pre>
 * Recorder recorder = new Recorder(1, 60_000_000L, 3);
 * EchoSink sink = (intendedNs, sentNs, receivedNs) -&gt; recorder.recordValue((receivedNs - sentNs) / 1000);
 * </pre>
 */
@FunctionalInterface
public interface EchoSink {

    /**
     * An intact echo completed.
     *
     * @param intendedNs when the load model meant the message to be sent
     * @param sentNs     when its first byte was handed to the kernel
     * @param receivedNs when its last byte was read
     */
    void echoed(long intendedNs, long sentNs, long receivedNs);

    /**
     * The first intact echo on a connection completed, {@code latencyNs} after that connection's first send.
     * Called once per connection for the life of the engine.
     */
    default void firstEcho(long latencyNs) {
    }

    /**
     * A message given up: skipped because its connection had the most messages outstanding it may, or still
     * unanswered when the drain time-out expired. Its latency is at least {@code gaveUpNs} minus its times: a lower
     * bound, recorded so that the worst messages are not the ones left out.
     *
     * @param intendedNs when the load model meant it to be sent
     * @param sentNs     when its first byte was handed to the kernel, or {@link Long#MIN_VALUE} if it never was
     * @param gaveUpNs   when the engine gave it up: the drain time-out, or, for a skipped one, the first moment its
     *                   connection could have taken it (its next echo), since it could not have been sent before
     */
    default void gaveUp(long intendedNs, long sentNs, long gaveUpNs) {
    }

    /**
     * Called on each IO thread once, when it stops sending at the end of the window and before it waits for the
     * last echoes. A closed loop's drain takes one round trip, so the thread may have ended before anyone else
     * reads it: this is the moment to take its own reading of itself.
     */
    default void stoppedSending() {
    }
}
