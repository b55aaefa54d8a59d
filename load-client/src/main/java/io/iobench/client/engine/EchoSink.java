package io.iobench.client.engine;

/**
 * Receives every intact echo, every message given up, and the stretches that went unanswered. Called from IO threads
 * (from several when the engine has several), so an implementation must be thread-safe and cheap: an HdrHistogram
 * {@code Recorder} is both.
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

    /**
     * A connection had a message sent and got no echo from {@code fromNs} (its send, or the previous echo if that
     * came later) until {@code toNs} (the echo, or when the engine gave the message up); only for stretches of at
     * least {@link #STRETCH_NOTED_NS}. A server that stops answering shows here, and nowhere else in a closed loop,
     * which sends nothing while it waits.
     *
     * @param connection the connection's id
     */
    default void unanswered(int connection, long fromNs, long toNs) {
    }

    /**
     * An IO thread did not run from {@code fromNs} (when it was due back from a wait, or began a turn that did not
     * wait) until {@code toNs} (when it ran again); only for stretches of at least {@link #STRETCH_NOTED_NS}. The
     * process was stopped or its CPU taken: connections unanswered meanwhile may have been answered, unread.
     */
    default void ioThreadStalled(long fromNs, long toNs) {
    }

    /**
     * Stretches shorter than this are a loop's ordinary rhythm (a wake-up's lateness, a round trip, a turn handling
     * many echoes) and are not reported to {@link #unanswered} or {@link #ioThreadStalled}: it keeps the calls rare.
     */
    long STRETCH_NOTED_NS = 10_000_000;
}
