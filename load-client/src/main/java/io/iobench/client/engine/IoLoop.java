package io.iobench.client.engine;

import java.io.IOException;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One IO thread's run over its share of the connections: admitting what the load model says is due, writing it,
 * waiting for echoes or the next deadline, and handing every completed echo to the {@link EchoSink}. How the
 * thread talks to the kernel is its subclass's business: {@link SelectorLoop} (a read and a write system call per
 * message), {@link UringLoop} (io_uring, a batch of them per system call).
 *
 * <p>Each turn of the loop is a method call of its own: the JIT compiles a method called thousands of times a
 * second within moments, whereas a loop running in one frame waits for on-stack replacement.
 */
abstract sealed class IoLoop implements Runnable, Connection.Events permits SelectorLoop, UringLoop {

    /** How long before a deadline the thread stops sleeping and polls; covers the usual lateness of a wake-up. */
    static final long EARLY_NS = Waker.EARLY_NS;
    /**
     * A wait ends by the next step of a grid this fine at the latest (20 to 40 ms ahead), even when nothing is due:
     * coming back much later than that means the thread did not run ({@link GapTracker}). On a grid, so that a
     * {@link Waker} is re-armed at most once per step rather than once per turn.
     */
    static final long HEARTBEAT_NS = 20_000_000;

    final Connection[] connections;
    final LoadModel load;
    final int totalConnections;
    final EchoSink sink;
    final RunWindow window;
    final ErrorCounts errors;
    final LongSupplier clock;
    private final String name;
    private final Connection[] writeQueue;
    private final GapTracker gaps;

    private int queued;
    /** The connection whose echoes are being handled: what they admit is written right after, not queued. */
    private Connection reading;
    private Pacer pacer;
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
        this.gaps = new GapTracker(sink);
    }

    @Override
    public final void run() {
        try {
            setUp();
            for (int i = 0; i < connections.length; i++) {
                Connection connection = connections[i];
                if (connection.channel().isOpen()) {
                    connection.begin(load.maxOutstanding(), this);
                    connection.slot = i;
                    attach(connection);
                    open++;
                }
            }
            pacer = load.pacer(List.of(connections), totalConnections, window.startNs());
            while (!stopRequested && open > 0 && turn()) {
                flushQueue();
            }
            giveUpOutstanding();
        } catch (IOException e) {
            failure = e;
        } finally {
            tearDown();
        }
    }

    /** Opens what the thread waits on (a selector, a ring), in the IO thread. */
    abstract void setUp() throws IOException;

    /** Starts watching an open connection for echoes. */
    abstract void attach(Connection connection) throws IOException;

    /** Handles every echo that has arrived, without waiting. @return readiness events or completions handled */
    abstract int poll() throws IOException;

    /** Waits until an echo arrives or {@code wakeAtNs}, handling what arrived. */
    abstract void await(long wakeAtNs, long nowNs) throws IOException;

    /** Writes, or queues for writing, as much of what {@code connection} has admitted as it can take now. */
    abstract void write(Connection connection);

    /** Stops watching a connection about to be closed. */
    abstract void detach(Connection connection);

    /** Makes a thread blocked in {@link #await} return. */
    abstract void wake();

    /** Releases what {@link #setUp} opened; runs even when it failed. */
    abstract void tearDown();

    /**
     * Admits what is due, writes it, and waits for readiness or the next deadline, handling what is ready.
     *
     * @return false when the run is over: sending has stopped and every echo is in, or the drain timed out
     */
    private boolean turn() throws IOException {
        long nowNs = clock.getAsLong();
        gaps.turnBegins(nowNs);
        if (sending && nowNs >= window.stopSendingNs()) {
            // Every message intended inside the window is admitted, even if the thread woke late.
            pacer.admitDue(window.stopSendingNs() - 1);
            flushQueue();
            sending = false;
            sink.stoppedSending();
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
        long remainingNs = deadlineNs - nowNs;
        if (remainingNs <= 0) {
            poll();
        } else if (remainingNs <= EARLY_NS) {
            if (poll() == 0) {
                spinNs += clock.getAsLong() - nowNs;
            }
        } else {
            long wakeAtNs = Math.min(deadlineNs - EARLY_NS, (Math.floorDiv(nowNs, HEARTBEAT_NS) + 2) * HEARTBEAT_NS);
            gaps.waitsUntil(wakeAtNs);
            await(wakeAtNs, nowNs);
        }
        return true;
    }

    /** Starts handling what arrived on {@code connection}: what its echoes admit waits for {@link #endReading}. */
    final void beginReading(Connection connection) {
        reading = connection;
    }

    /** Writes what the echoes just handled on {@code connection} admitted, in one write while it is in cache. */
    final void endReading(Connection connection) {
        reading = null;
        if (connection.queued && !connection.writeBlocked && connection.channel().isOpen()) {
            connection.queued = false;
            write(connection);
        }
    }

    @Override
    public final void admitted(Connection connection) {
        outstanding++;
        if (!connection.queued && !connection.writeBlocked) {
            connection.queued = true;
            if (connection != reading) {
                writeQueue[queued++] = connection;
            }
        }
    }

    @Override
    public final void echoed(Connection connection, long intendedNs, long sentNs, long receivedNs, boolean intact) {
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

    @Override
    public final void gaveUp(long intendedNs, long sentNs, long gaveUpNs) {
        sink.gaveUp(intendedNs, sentNs, gaveUpNs);
    }

    @Override
    public final void unanswered(Connection connection, long fromNs, long toNs) {
        sink.unanswered(connection.id(), fromNs, toNs);
    }

    /** Writes every connection that was admitted messages since the last flush: one write for all of them. */
    private void flushQueue() {
        for (int i = 0; i < queued; i++) {
            Connection connection = writeQueue[i];
            writeQueue[i] = null;
            connection.queued = false;
            if (!connection.writeBlocked && connection.channel().isOpen()) {
                write(connection);
            }
        }
        queued = 0;
    }

    /** Counts an error of {@code kind} on {@code connection} and closes it. */
    final void fail(Connection connection, ErrorKind kind) {
        errors.add(kind, 1);
        close(connection);
    }

    /** Closes a connection; what it still had outstanding or skipped is recorded at its lower bound. */
    final void close(Connection connection) {
        if (!connection.channel().isOpen()) {
            return;
        }
        connection.giveUpAll(clock.getAsLong());
        detach(connection);
        outstanding -= connection.outstanding();
        open--;
        Connector.close(connection.channel());
    }

    /**
     * Echoes still missing after the drain time-out: counted, recorded at their lower bound, and their connections
     * closed, as out of step. Sends skipped and never freed are recorded at their lower bound too.
     */
    private void giveUpOutstanding() {
        long nowNs = clock.getAsLong();
        for (Connection connection : connections) {
            if (connection.channel().isOpen() && connection.outstanding() > 0) {
                errors.add(ErrorKind.TIMEOUT, connection.outstanding());
                close(connection);
            } else if (connection.channel().isOpen()) {
                connection.giveUpAll(nowNs);
            }
        }
        outstanding = 0;
    }

    final void stop() {
        stopRequested = true;
        wake();
    }

    final String name() {
        return name;
    }

    /** @return connections of this loop still open */
    final int open() {
        return open;
    }

    final long spinNs() {
        return spinNs;
    }

    final IOException failure() {
        return failure;
    }
}
