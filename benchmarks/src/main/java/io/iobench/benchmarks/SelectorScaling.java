package io.iobench.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What one readiness round costs a {@link Selector} that watches many idle connections and one busy one.
 *
 * <p>The claim under test: poll(2) (like select(2)) hands the kernel the whole descriptor set on every call, and the
 * kernel asks every descriptor whether it is ready, so a round costs time proportional to the number of connections,
 * busy or not. epoll keeps the interest set in the kernel and a ready list filled by wake-up callbacks, so
 * {@code epoll_wait} touches only the descriptors that are ready: a round costs the same with 10 or 10,000 idle
 * connections. The JDK has both behind the same API: {@code EPollSelectorProvider} (the Linux default) and
 * {@code PollSelectorProvider}, chosen per JVM with {@code -Djava.nio.channels.spi.SelectorProvider}, which is why
 * each provider is its own benchmark method with its own {@link Fork}.
 *
 * <p>The idle channels are real ESTABLISHED TCP sockets (see {@link IdleConnections}) registered for OP_READ, as a
 * server's idle clients are: the kernel must run the socket's poll callback for each of them, which it would skip
 * for a closed or invalid descriptor. They never become ready; the round fails loudly if one does.
 *
 * <p>One operation is one readiness round: write one byte on the busy connection's far end, {@code select} until the
 * near end is readable, read the byte. Nothing is allocated per round ({@code select(Consumer, timeout)} needs no
 * selected-key set and no iterator).
 *
 * <p>Expected result (AverageTime, µs/op): {@code epoll} flat in {@code idleChannels}, a few µs to tens of µs
 * depending on the machine (a loopback write, an epoll_wait and a read); {@code poll} close to it at 10 and growing
 * linearly beyond, by tens of ns to about a µs per idle connection (a blocking poll also hooks a wait-queue entry
 * onto every socket and unhooks it afterwards; virtual machines pay more), so at 10,000 it is one to three orders of
 * magnitude slower than epoll. The JDK's poll selector also walks its whole pollfd array in Java after every call,
 * which adds to the same linear term: it is part of what a poll-based server pays.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class SelectorScaling {

    static final String PROVIDER_PROPERTY = "-Djava.nio.channels.spi.SelectorProvider=";
    static final String EPOLL_PROVIDER = "sun.nio.ch.EPollSelectorProvider";
    static final String POLL_PROVIDER = "sun.nio.ch.PollSelectorProvider";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** A round takes micro- to milliseconds; a select that waits this long has lost the byte. */
    private static final long SELECT_TIMEOUT_MS = 10_000;

    /** Idle connections registered with the selector besides the busy one. */
    @Param({"10", "100", "1000", "10000"})
    public int idleChannels;

    private IdleConnections idle;
    private Selector selector;
    private SocketChannel busy;
    private SocketChannel busyPeer;
    private SelectionKey busyKey;
    private final ByteBuffer outgoing = ByteBuffer.allocateDirect(1);
    private final ByteBuffer incoming = ByteBuffer.allocateDirect(1);
    private final Consumer<SelectionKey> readBusy = this::readBusy;

    /*
     * The selector is checked against the method being run: a -jvmArgsAppend on the command line replaces the one
     * in @Fork, and a poll run silently measuring epoll would be worse than a failed one.
     */
    @Setup(Level.Trial)
    public void open(BenchmarkParams params) throws IOException {
        selector = Selector.open();
        String expected = params.getBenchmark().endsWith(".poll") ? POLL_PROVIDER : EPOLL_PROVIDER;
        String actual = selector.provider().getClass().getName();
        if (!actual.equals(expected)) {
            selector.close();
            throw new IllegalStateException(params.getBenchmark() + " needs " + expected + " but the JVM uses "
                    + actual + "; keep " + PROVIDER_PROPERTY + expected + " among the fork's JVM options");
        }
        idle = IdleConnections.open(idleChannels, CONNECT_TIMEOUT);
        idle.registerWith(selector, SelectionKey.OP_READ);
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            busyPeer = SocketChannel.open(listener.getLocalAddress());
            busy = listener.accept();
        }
        // A one-byte write with the previous byte's ACK still delayed would wait for it under Nagle.
        busyPeer.setOption(StandardSocketOptions.TCP_NODELAY, true);
        busy.configureBlocking(false);
        busyKey = busy.register(selector, SelectionKey.OP_READ);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        busyPeer.close();
        busy.close();
        idle.close();
        selector.close();
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = PROVIDER_PROPERTY + EPOLL_PROVIDER)
    public int epoll() throws IOException {
        return readinessRound();
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = PROVIDER_PROPERTY + POLL_PROVIDER)
    public int poll() throws IOException {
        return readinessRound();
    }

    private int readinessRound() throws IOException {
        outgoing.clear();
        busyPeer.write(outgoing);
        int ready = selector.select(readBusy, SELECT_TIMEOUT_MS);
        if (ready != 1) {
            throw new IllegalStateException("select reported " + ready + " ready channels, expected the busy one");
        }
        return ready;
    }

    private void readBusy(SelectionKey key) {
        if (key != busyKey) {
            throw new IllegalStateException("an idle connection became ready: " + key.channel());
        }
        try {
            incoming.clear();
            if (busy.read(incoming) != 1) {
                throw new IllegalStateException("the busy connection was ready but held no byte");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /*
     * ============================== HOW TO RUN THIS TEST: ====================================
     *
     *    $ java -jar benchmarks/target/benchmarks.jar SelectorScaling
     *    $ java -jar benchmarks/target/benchmarks.jar SelectorScaling -p idleChannels=10,10000 -f 1
     *    $ java -jar benchmarks/target/benchmarks.jar 'SelectorScaling.poll' -p idleChannels=1000
     *
     * Build the jar first, from the repository root: `mvn package -DskipTests`; run it with JDK 25.
     */
}
