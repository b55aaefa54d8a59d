package io.iobench.client.engine;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * An IO thread on a java.nio {@link Selector} (epoll on Linux): reads and checks echoes as sockets become
 * readable, writes admitted messages at once, and sleeps in {@code select()} until an echo lands or the
 * {@link Waker} says the pacer's next send is due.
 *
 * <p>Per message it costs two system calls (the write and the read that returns the echo, each often shared by
 * several messages of one connection), two {@link System#nanoTime()} calls and the recording done by the
 * {@link EchoSink}; it allocates nothing. Readiness is handled through {@link Selector#select(Consumer)}, which
 * unlike the selected-key set creates no iterator per wake-up.
 */
final class SelectorLoop extends IoLoop {

    /** Reads from one connection per readiness event before serving others: bounds unfairness, not throughput. */
    private static final int MAX_READS_PER_EVENT = 4;

    /**
     * One send and one receive buffer per IO thread, not per connection: message bytes are regenerated from each
     * connection's cursor, so 10,000 connections cost no buffer memory and the buffers stay in cache.
     */
    private static final int BUFFER_BYTES = 256 * 1024;

    private final ByteBuffer tx = Payload.directBuffer(BUFFER_BYTES);
    private final ByteBuffer rx = Payload.directBuffer(BUFFER_BYTES);
    private final MemorySegment rxSegment = MemorySegment.ofBuffer(rx);
    private final Consumer<SelectionKey> onReady = this::onReady;
    private volatile Selector selector;
    private Waker waker;

    SelectorLoop(List<Connection> share, LoadModel load, int totalConnections, EchoSink sink, RunWindow window,
                 ErrorCounts errors, LongSupplier clock, String name) {
        super(share, load, totalConnections, sink, window, errors, clock, name);
    }

    @Override
    void setUp() throws IOException {
        selector = Selector.open();
        waker = new Waker(selector, clock, name() + "-waker");
    }

    @Override
    void attach(Connection connection) throws IOException {
        connection.channel().configureBlocking(false); // an Exchange may have made it blocking
        connection.key = connection.channel().register(selector, SelectionKey.OP_READ, connection);
    }

    @Override
    int poll() throws IOException {
        return selector.selectNow(onReady);
    }

    @Override
    void await(long wakeAtNs, long nowNs) throws IOException {
        waker.wakeAt(wakeAtNs);
        selector.select(onReady);
    }

    private void onReady(SelectionKey key) {
        Connection connection = (Connection) key.attachment();
        if (key.isReadable()) {
            beginReading(connection);
            read(connection);
            endReading(connection);
        }
        if (key.isValid() && key.isWritable()) {
            connection.writeBlocked = false;
            key.interestOps(SelectionKey.OP_READ);
            write(connection);
        }
    }

    private void read(Connection connection) {
        for (int reads = 0; reads < MAX_READS_PER_EVENT; reads++) {
            int length;
            rx.clear();
            try {
                length = connection.channel().read(rx);
            } catch (IOException e) {
                fail(connection, kindOf(e));
                return;
            }
            if (length < 0) {
                fail(connection, ErrorKind.IO);
                return;
            }
            if (length == 0) {
                return;
            }
            if (!connection.received(rxSegment, length, clock.getAsLong())) {
                close(connection);
                return;
            }
            if (length < rx.capacity()) {
                return;
            }
        }
    }

    @Override
    void write(Connection connection) {
        while (connection.hasUnsent()) {
            tx.clear();
            int offered = connection.fill(tx);
            tx.flip();
            long nowNs = clock.getAsLong();
            int written;
            try {
                written = connection.channel().write(tx);
            } catch (IOException e) {
                fail(connection, kindOf(e));
                return;
            }
            connection.sent(written, nowNs);
            if (written < offered) {
                // The socket buffer is full: the server is not reading. Wait for room rather than spin.
                connection.writeBlocked = true;
                connection.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                return;
            }
        }
    }

    static ErrorKind kindOf(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("reset") || message.contains("Broken pipe") ? ErrorKind.RESET : ErrorKind.IO;
    }

    @Override
    void detach(Connection connection) {
        connection.key.cancel();
    }

    @Override
    void wake() {
        Selector current = selector;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    void tearDown() {
        if (waker != null) {
            waker.close();
        }
        Selector opened = selector;
        // Keys of a closed selector are gone: the channels can be registered again or made blocking.
        selector = null;
        if (opened != null) {
            try {
                opened.close();
            } catch (IOException e) {
                // Nothing holds on to a selector that failed to close.
            }
        }
    }
}
