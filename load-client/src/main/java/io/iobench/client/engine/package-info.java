/**
 * The load client's engine: a multiplexed, non-blocking client that holds thousands of connections to one echo
 * server on one IO thread (or a few, each with its own selector and share of the connections).
 *
 * <p>{@link io.iobench.client.engine.Engine} connects (a bounded number of connects in flight, a time-out each,
 * failures counted by kind in {@link io.iobench.client.engine.ErrorCounts}) and then either runs load or exchanges
 * single messages:
 * <ul>
 *   <li>{@link io.iobench.client.engine.Engine#start} runs a {@link io.iobench.client.engine.LoadModel} (closed or
 *       open loop, in {@code io.iobench.client.load}) within a {@link io.iobench.client.engine.RunWindow} and hands
 *       every intact echo, with its intended, actual-send and receive times, to an
 *       {@link io.iobench.client.engine.EchoSink};</li>
 *   <li>{@link io.iobench.client.engine.Engine#exchange} gives a blocking
 *       {@link io.iobench.client.engine.Exchange} for one synchronous round trip at a time (JMH).</li>
 * </ul>
 *
 * <p>Every message carries its connection's sequence number and a content that is a function of (connection,
 * sequence, byte index); every echoed byte is checked against it, so a flipped, lost, reordered or misrouted
 * byte counts as a {@link io.iobench.client.engine.ErrorKind#MISMATCH} (see {@code Payload} for exactly what is
 * caught at each size). Because content is a function, nothing sent is kept: one send and one receive buffer per
 * IO thread serve all its connections, and the hot path allocates nothing.
 *
 * <p>Time: every message has an intended send time (set by the load model), an actual send time (the write that
 * carried its first byte) and a receive time (the read that carried its last byte), all from
 * {@link System#nanoTime()}. Latency from the intended time is corrected for coordinated omission; from the
 * actual send time it is not.
 */
package io.iobench.client.engine;
