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
}
