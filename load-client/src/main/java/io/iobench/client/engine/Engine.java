package io.iobench.client.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The load client's engine: connections to one echo server, driven by one or a few IO threads (never a thread per
 * connection), with every echo checked byte for byte and timed. Sweeps, JMH benchmarks and tests all drive load
 * through it.
 *
 * <pre>
 * try (Engine engine = Engine.open(EngineOptions.of(target, 100, 64))) {
 *     // Load: a closed loop for ten seconds, latency from the actual send, in microseconds.
 *     Recorder recorder = new Recorder(1, 60_000_000L, 3);
 *     try (Run run = engine.start(new ClosedLoop(1),
 *             (intendedNs, sentNs, receivedNs) -&gt; recorder.recordValue((receivedNs - sentNs) / 1000),
 *             RunWindow.of(System.nanoTime(), Duration.ofSeconds(10)))) {
 *         run.await(Duration.ofSeconds(15));
 *     }
 *     // Or one round trip at a time on connection 0, from the calling thread:
 *     long roundTripNs = engine.exchange(0).roundTrip();
 * }
 * </pre>
 *
 * Opening connects every connection before it returns; failed connects are counted ({@link #connectReport()},
 * {@link #errors()}), never thrown. An engine runs one load at a time and can run several in turn.
 */
public final class Engine implements AutoCloseable {

    /** The start of every IO thread's name, for readers of /proc that need to tell them from the JVM's own. */
    public static final String IO_THREAD_PREFIX = "iobench-io-";
    /** The byte {@link #settleIdle} sends on each idle connection. */
    private static final byte IDLE_PROBE = 'i';

    private final EngineOptions options;
    private final LongSupplier clock;
    private final Payload payload;
    private final ErrorCounts errors = new ErrorCounts();
    private final List<Connection> connections = new ArrayList<>();
    private final List<SocketChannel> idle = new ArrayList<>();
    private final ConnectReport connectReport;
    private Run current;

    Engine(EngineOptions options, LongSupplier clock) throws IOException {
        String unavailable = options.io().unavailableReason();
        if (unavailable != null) {
            throw new IOException("client io " + options.io().label() + " is not available: " + unavailable);
        }
        this.options = options;
        this.clock = clock;
        this.payload = new Payload(options.sizeBytes());
        Connector connector = new Connector(options.target(), options.maxConnectsInFlight(),
                options.connectTimeout().toNanos(), clock, errors);
        Connector.Connected connected = connector.connect(options.connections() + options.idleConnections());
        for (SocketChannel channel : connected.channels()) {
            if (connections.size() < options.connections()) {
                connections.add(new Connection(connections.size(), channel, payload, errors));
            } else {
                idle.add(channel);
            }
        }
        this.connectReport = connected.report();
    }

    /**
     * Connects {@code options.connections() + options.idleConnections()} times, at most
     * {@code options.maxConnectsInFlight()} at once. Connections that connect first carry load; the rest are idle.
     *
     * @throws IOException only when the engine itself cannot work (no selector, or {@code options.io()} is not
     *                     available here); failed connects are counted
     */
    public static Engine open(EngineOptions options) throws IOException {
        return new Engine(options, System::nanoTime);
    }

    /**
     * Checks that {@code target} accepts a connection, opening and closing one.
     *
     * @throws IOException whose message is one line for a human: nothing listens, or no answer within
     *                     {@code timeout}
     */
    public static void checkListening(InetSocketAddress target, Duration timeout) throws IOException {
        String where = target.getHostString() + ":" + target.getPort();
        try (Socket socket = new Socket()) {
            socket.connect(target, (int) Math.max(1, timeout.toMillis()));
        } catch (ConnectException e) {
            throw new ConnectException("nothing listens on " + where + " (" + e.getMessage() + ")");
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException(where + " did not accept a connection within " + timeout.toMillis() + " ms");
        }
    }

    /** @return how the IO threads talk to the kernel */
    public ClientIo io() {
        return options.io();
    }

    /** @return how connecting went (the counts also appear in {@link #errors()}) */
    public ConnectReport connectReport() {
        return connectReport;
    }

    /** @return connections carrying load that connected: ids run from 0 to this minus 1 */
    public int connections() {
        return connections.size();
    }

    /** @return idle connections that connected */
    public int idleConnections() {
        return idle.size();
    }

    /**
     * Counts the idle connections the server has closed or reset since they opened (as {@link ErrorKind#IO} and
     * {@link ErrorKind#RESET}): idle connections carry no traffic, so without this look a server that drops them,
     * such as select(2) past FD_SETSIZE, would go unnoticed. Reads each one without blocking; a lost connection is
     * counted once and closed.
     *
     * @return idle connections found closed or reset
     */
    public int countLostIdleConnections() {
        ByteBuffer probe = ByteBuffer.allocate(1);
        int lost = 0;
        for (Iterator<SocketChannel> it = idle.iterator(); it.hasNext(); ) {
            SocketChannel channel = it.next();
            ErrorKind kind = null;
            try {
                probe.clear();
                if (channel.read(probe) < 0) {
                    kind = ErrorKind.IO;
                }
            } catch (IOException e) {
                kind = ErrorKind.RESET;
            }
            if (kind != null) {
                // Counted once: a lost connection leaves the idle set.
                errors.add(kind, 1);
                it.remove();
                Connector.close(channel);
                lost++;
            }
        }
        return lost;
    }

    /**
     * Sends one byte on every idle connection and waits up to {@code timeout} for each to come back, so that the
     * server has accepted and registered every idle connection before anything measures it. A connection the
     * server closed or reset is counted and leaves the idle set, as in {@link #countLostIdleConnections}; one still
     * unanswered at the time-out stays open, since a late byte on a connection that carries no load disturbs
     * nothing.
     *
     * @return idle connections whose byte came back
     */
    public int settleIdle(Duration timeout) throws IOException {
        if (idle.isEmpty()) {
            return 0;
        }
        long deadlineNs = clock.getAsLong() + timeout.toNanos();
        int echoed = 0;
        try (Selector selector = Selector.open()) {
            ByteBuffer probe = ByteBuffer.allocate(1);
            int waiting = 0;
            for (SocketChannel channel : idle) {
                try {
                    // A fresh socket's send buffer is empty: the byte always goes in one non-blocking write.
                    if (channel.write(probe.clear().put(IDLE_PROBE).flip()) == 1) {
                        channel.register(selector, SelectionKey.OP_READ);
                        waiting++;
                    }
                } catch (IOException e) {
                    // Counted below, when the read finds it lost.
                }
            }
            while (waiting > 0) {
                long remainingMs = (deadlineNs - clock.getAsLong()) / 1_000_000;
                if (remainingMs <= 0) {
                    break;
                }
                selector.select(remainingMs);
                for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    try {
                        if (((SocketChannel) key.channel()).read(probe.clear()) > 0) {
                            echoed++;
                        }
                    } catch (IOException e) {
                        // Lost: countLostIdleConnections below counts it.
                    }
                    key.cancel();
                    waiting--;
                }
            }
        }
        countLostIdleConnections();
        return echoed;
    }

    /** @return every error since the engine opened: connects and all runs */
    public ErrorCounts errors() {
        return errors;
    }

    /**
     * Starts load on every open connection in {@code options.ioThreads()} IO threads, connection {@code i} on
     * thread {@code i % ioThreads}, each on {@code options.io()}.
     *
     * @param load   when messages are sent
     * @param sink   receives every intact echo, from the IO threads
     * @param window when to start and stop sending, and how long to wait for the last echoes
     * @throws IllegalStateException while another run is in progress
     */
    public synchronized Run start(LoadModel load, EchoSink sink, RunWindow window) {
        if (current != null && !current.isDone()) {
            throw new IllegalStateException("a run is in progress on this engine");
        }
        int threads = Math.max(1, Math.min(options.ioThreads(), connections.size()));
        IoLoop[] loops = new IoLoop[threads];
        for (int t = 0; t < threads; t++) {
            List<Connection> share = new ArrayList<>();
            for (int i = t; i < connections.size(); i += threads) {
                share.add(connections.get(i));
            }
            String name = IO_THREAD_PREFIX + t;
            loops[t] = options.io() == ClientIo.IO_URING
                    ? new UringLoop(share, load, connections.size(), sink, window, errors, clock, name)
                    : new SelectorLoop(share, load, connections.size(), sink, window, errors, clock, name);
        }
        current = new Run(loops);
        return current;
    }

    /**
     * A synchronous round trip on one connection, driven from the calling thread; for latency benchmarks such as
     * JMH's. Not while a run is in progress.
     */
    public Exchange exchange(int connection) {
        if (current != null && !current.isDone()) {
            throw new IllegalStateException("a run is in progress on this engine");
        }
        return new Exchange(connections.get(connection), payload, clock);
    }

    /** Stops any run and closes every connection. */
    @Override
    public synchronized void close() {
        if (current != null) {
            try {
                current.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Connection connection : connections) {
            Connector.close(connection.channel());
        }
        for (SocketChannel channel : idle) {
            Connector.close(channel);
        }
    }
}
