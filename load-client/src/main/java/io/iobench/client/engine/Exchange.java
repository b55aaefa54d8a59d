package io.iobench.client.engine;

import java.io.EOFException;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.function.LongSupplier;

/**
 * Synchronous round trips on one connection from the calling thread, in blocking mode: write a message, read
 * until its echo is complete, check it. The leanest possible client side, for latency benchmarks (JMH) where one
 * thread owns one connection:
 *
 * <pre>
 * Exchange exchange = engine.exchange(threadIndex);   // in setup
 * long roundTripNs = exchange.roundTrip();           // in the benchmark method
 * </pre>
 *
 * A message larger than {@value #CHUNK_BYTES} bytes goes in chunks, each echoed before the next is written, so a
 * server that stops reading while its writes block cannot deadlock the exchange.
 *
 * <p>Not thread-safe: one thread per exchange. After a failed round trip the connection is out of step and
 * further round trips throw {@link IllegalStateException}.
 */
public final class Exchange {

    static final int CHUNK_BYTES = 64 * 1024;

    private final Connection connection;
    private final LongSupplier clock;
    private final ByteBuffer tx;
    private final ByteBuffer rx;
    private final MemorySegment rxSegment;
    private final Connection.Events events = new Events();
    private boolean echoed;
    private boolean intact;
    private long sentNs;
    private long receivedNs;

    Exchange(Connection connection, Payload payload, LongSupplier clock) {
        this.connection = connection;
        this.clock = clock;
        int capacity = Math.min(payload.sizeBytes(), CHUNK_BYTES);
        this.tx = Payload.directBuffer(capacity);
        this.rx = Payload.directBuffer(capacity);
        this.rxSegment = MemorySegment.ofBuffer(rx);
    }

    /**
     * Sends one message and waits for its echo.
     *
     * @return nanoseconds from the first byte written to the last byte of the echo read
     * @throws EchoMismatchException when the echo differs from the message (also counted as a mismatch)
     * @throws IOException           when the connection fails or the server closes it
     */
    public long roundTrip() throws IOException {
        SocketChannel channel = connection.channel();
        if (!channel.isBlocking()) {
            channel.configureBlocking(true);
        }
        connection.begin(1, events);
        echoed = false;
        connection.admit(clock.getAsLong());
        while (!echoed) {
            if (connection.hasUnsent()) {
                tx.clear();
                int offered = connection.fill(tx);
                tx.flip();
                long nowNs = clock.getAsLong();
                while (tx.hasRemaining()) {
                    channel.write(tx);
                }
                connection.sent(offered, nowNs);
            }
            while (!echoed && connection.bytesInFlight() > 0) {
                rx.clear();
                int length = channel.read(rx);
                if (length < 0) {
                    throw new EOFException("the server closed connection " + connection.id());
                }
                if (!connection.received(rxSegment, length, clock.getAsLong())) {
                    throw new EchoMismatchException("the server sent more bytes than it was sent on connection "
                            + connection.id());
                }
            }
        }
        if (!intact) {
            throw new EchoMismatchException("the echo on connection " + connection.id() + " differs from the message");
        }
        return receivedNs - sentNs;
    }

    private final class Events implements Connection.Events {
        @Override
        public void admitted(Connection admitted) {
            // roundTrip writes it at once.
        }

        @Override
        public void echoed(Connection from, long intendedNs, long sent, long received, boolean whole) {
            echoed = true;
            intact = whole;
            sentNs = sent;
            receivedNs = received;
        }
    }
}
