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
 * One IO thread: a selector over its share of the connections, reading and checking echoes, writing admitted
 * messages, and sleeping in {@code select()} until an echo lands or the pacer's next send is due.
 *
 * <p>Per message it costs two system calls (the write and the read that returns the echo, each often shared by
 * several messages or connections), two {@link System#nanoTime()} calls and the recording done by the
 * {@link EchoSink}; it allocates nothing. Readiness is handled through {@link Selector#select(Consumer)}, which
 * unlike the selected-key set creates no iterator per wake-up.
 */
final class IoLoop implements Runnable, Connection.Events {

    /** Reads from one connection per readiness event before serving others: bounds unfairness, not throughput. */
    private static final int MAX_READS_PER_EVENT = 4;

    /**
     * One send and one receive buffer per IO thread, not per connection: message bytes are regenerated from each
     * connection's cursor, so 10,000 connections cost no buffer memory and the buffers stay in cache.
     */
    private static final int BUFFER_BYTES = 256 * 1024;

    private final Connection[] connections;
    private final LoadModel load;
    private final int totalConnections;
    private final EchoSink sink;
    private final RunWindow window;
    private final ErrorCounts errors;
    private final LongSupplier clock;
    private final String name;
    private final ByteBuffer tx = Payload.directBuffer(BUFFER_BYTES);
    private final ByteBuffer rx = Payload.directBuffer(BUFFER_BYTES);
    private final MemorySegment rxSegment = MemorySegment.ofBuffer(rx);
    private final Connection[] writeQueue;
    private final Consumer<SelectionKey> onReady = this::onReady;

    private int queued;
    /** The connection whose read is being handled: what its echoes admit is written right after, not queued. */
    private Connection reading;
    private Pacer pacer;
    private volatile Selector selector;
    private boolean sending = true;
    private volatile int open;
    private long outstanding;
    private volatile long spinNs;
    private volatile boolean stopRequested;
    private volatile IOException failure;

    IoLoop(List<Connection> share, LoadModel load, int totalConnections, EchoSink sink, RunWindow window,
           ErrorCounts errors, LongSupplier clock, String name) {
        this.connections = share.toArray(Connection[]::new);
        this.load = load;
        this.totalConnections = totalConnections;
        this.sink = sink;
        this.window = window;
        this.errors = errors;
        this.clock = clock;
        this.name = name;
        this.writeQueue = new Connection[connections.length];
    }

    @Override
    public void run() {
        try (Selector opened = Selector.open(); Waker waker = new Waker(opened, clock, name + "-waker")) {
            selector = opened;
            for (Connection connection : connections) {
                if (connection.channel().isOpen()) {
                    connection.channel().configureBlocking(false); // an Exchange may have made it blocking
                    connection.begin(load.maxOutstanding(), this);
                    connection.key = connection.channel().register(selector, SelectionKey.OP_READ, connection);
                    open++;
                }
            }
            pacer = load.pacer(List.of(connections), totalConnections, window.startNs());
            loop(waker);
            giveUpOutstanding();
        } catch (IOException e) {
            failure = e;
        } finally {
            // Keys of a closed selector are gone: the channels can be registered again or made blocking.
            selector = null;
        }
    }

    private void loop(Waker waker) throws IOException {
        // One turn per call rather than the whole loop in one method: the JIT compiles a method called thousands
        // of times a second within moments, whereas a loop running in one frame waits for on-stack replacement.
        while (!stopRequested && open > 0 && turn(waker)) {
            flushQueue();
        }
    }

    /**
     * Admits what is due, writes it, and waits for readiness or the next deadline, handling what is ready.
     *
     * @return false when the run is over: sending has stopped and every echo is in, or the drain timed out
     */
    private boolean turn(Waker waker) throws IOException {
        long nowNs = clock.getAsLong();
        if (sending && nowNs >= window.stopSendingNs()) {
            // Every message intended inside the window is admitted, even if the thread woke late.
            pacer.admitDue(window.stopSendingNs() - 1);
            flushQueue();
            sending = false;
        }
        long deadlineNs;
        if (sending) {
            deadlineNs = nowNs < window.startNs() ? window.startNs()
                    : Math.min(pacer.admitDue(nowNs), window.stopSendingNs());
            flushQueue();
        } else {
            deadlineNs = window.stopSendingNs() + window.drainTimeoutNs();
            if (outstanding == 0 || nowNs >= deadlineNs) {
                return false;
            }
        }
        awaitReadiness(waker, deadlineNs, nowNs);
        return true;
    }

    /** Blocks until a socket is ready or {@code deadlineNs}, whichever comes first, handling what is ready. */
    private void awaitReadiness(Waker waker, long deadlineNs, long nowNs) throws IOException {
        long remainingNs = deadlineNs - nowNs;
        if (remainingNs <= 0) {
            selector.selectNow(onReady);
        } else if (remainingNs <= Waker.EARLY_NS) {
            if (selector.selectNow(onReady) == 0) {
                spinNs += clock.getAsLong() - nowNs;
            }
        } else {
            waker.wakeAt(deadlineNs == Long.MAX_VALUE ? deadlineNs : deadlineNs - Waker.EARLY_NS);
            selector.select(onReady);
        }
    }

    private void onReady(SelectionKey key) {
        Connection connection = (Connection) key.attachment();
        if (key.isReadable()) {
            reading = connection;
            read(connection);
            reading = null;
            if (connection.queued && !connection.writeBlocked && key.isValid()) {
                // Echoes released more messages: write them now, while the connection is in cache, in one write
                // for all the echoes this read completed.
                connection.queued = false;
                write(connection);
            }
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
                fail(connection, e);
                return;
            }
            if (length < 0) {
                fail(connection, null);
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

    private void write(Connection connection) {
        while (connection.hasUnsent()) {
            tx.clear();
            int offered = connection.fill(tx);
            tx.flip();
            long nowNs = clock.getAsLong();
            int written;
            try {
                written = connection.channel().write(tx);
            } catch (IOException e) {
                fail(connection, e);
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

    @Override
    public void admitted(Connection connection) {
        outstanding++;
        if (!connection.queued && !connection.writeBlocked) {
            connection.queued = true;
            if (connection != reading) {
                // The connection being read is written when its read is done; others wait for the next flush.
                writeQueue[queued++] = connection;
            }
        }
    }

    @Override
    public void echoed(Connection connection, long intendedNs, long sentNs, long receivedNs, boolean intact) {
        outstanding--;
        if (intact) {
            sink.echoed(intendedNs, sentNs, receivedNs);
            if (!connection.firstEchoSeen) {
                connection.firstEchoSeen = true;
                sink.firstEcho(receivedNs - connection.firstSendNs);
            }
        }
        if (sending) {
            pacer.echoed(connection, receivedNs);
        }
    }

    /** Writes every connection that was admitted messages since the last flush: one write for all of them. */
    private void flushQueue() {
        for (int i = 0; i < queued; i++) {
            Connection connection = writeQueue[i];
            writeQueue[i] = null;
            connection.queued = false;
            if (connection.key.isValid() && !connection.writeBlocked) {
                write(connection);
            }
        }
        queued = 0;
    }

    private void fail(Connection connection, IOException e) {
        errors.add(e == null ? ErrorKind.IO : kindOf(e), 1);
        close(connection);
    }

    static ErrorKind kindOf(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("reset") || message.contains("Broken pipe") ? ErrorKind.RESET : ErrorKind.IO;
    }

    private void close(Connection connection) {
        if (!connection.key.isValid()) {
            return;
        }
        connection.key.cancel();
        outstanding -= connection.outstanding();
        open--;
        Connector.close(connection.channel());
    }

    /** Echoes still missing after the drain time-out: counted, and their connections closed, as out of step. */
    private void giveUpOutstanding() {
        for (Connection connection : connections) {
            if (connection.key != null && connection.key.isValid() && connection.outstanding() > 0) {
                errors.add(ErrorKind.TIMEOUT, connection.outstanding());
                close(connection);
            }
        }
        outstanding = 0;
    }

    void stop() {
        stopRequested = true;
        Selector current = selector;
        if (current != null) {
            current.wakeup();
        }
    }

    String name() {
        return name;
    }

    /** @return connections of this loop still open */
    int open() {
        return open;
    }

    long spinNs() {
        return spinNs;
    }

    IOException failure() {
        return failure;
    }
}
