package io.iobench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.iobench.server.EchoClient.Ending;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every IO model must do, written once. A model module plugs its model in with a ten-line subclass:
 *
 * <pre>
 * class SelectorConformanceTest extends EchoConformanceSuite {
 *     &#64;Override protected IoModel model() { return new SelectorModel(); }
 * }
 * </pre>
 *
 * The suite proves byte-exact echo, many concurrent connections, backpressure instead of buffering, half-close,
 * survival of resets, a clean close, the connection cap, backing off when descriptors run out, and serving again
 * after a flood that a server started under a low descriptor limit meets before it has served anyone. It asserts
 * behaviour, never speed: where it measures CPU it only tells "waits" from "spins", with a wide margin.
 *
 * <p>Payloads are random; the seed is printed in every failure about payload bytes, and
 * {@code -Diobench.seed=N} replays it.
 */
public abstract class EchoConformanceSuite {

    private static final int KIB = 1024;
    private static final int MIB = 1024 * KIB;

    /** Above this share of one core a server is spinning rather than waiting; a waiting one uses next to none. */
    private static final double SPIN_CPU_CORES = 0.30;

    private final long seed = Payloads.seed();
    private final List<EchoServer> servers = new ArrayList<>();

    /** @return the model under test */
    protected abstract IoModel model();

    /** @return the options every test starts from; tests derive theirs with {@code with...} */
    protected ServerOptions options() {
        return ServerOptions.loopback();
    }

    /**
     * Whether the model's threads sleep while none of its sockets can make progress. The CPU checks of
     * {@link #stopsReadingWhenClientDoesNotRead()} and {@link #backsOffAndRecoversWhenDescriptorsRunOut(Path)}
     * only run when it does. A busy-polling model returns false: it polls every socket round and round whether or
     * not anything is ready, so it burns a core by design and "does not spin" cannot be asked of it. Everything
     * else (bounded memory, no progress for the writer, recovery, bounded accept retries) is still asserted.
     */
    protected boolean idlesWhenBlocked() {
        return true;
    }

    /**
     * Connections the concurrency test holds at once. Client and server share this JVM's descriptor table, so 500
     * connections take over 1,000 descriptors: a select(2) model, which cannot watch a descriptor at or above
     * FD_SETSIZE (1024), lowers this and proves its limit in a test of its own.
     */
    protected int concurrentConnections() {
        return 500;
    }

    @AfterEach
    void closeServers() {
        servers.forEach(EchoServer::close);
    }

    /*
     * Payloads from one byte to a mebibyte, around the sizes where buffers split (64 KiB +- 1), written in random
     * chunks by one thread and read back in random reads by another, one after the other on one connection.
     */
    @Test
    @Timeout(60)
    void echoesRandomPayloadsByteExact() throws IOException {
        EchoServer server = start(options());
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> sizes = new ArrayList<>(List.of(1, 2, 7, 100, 1460, 4096, 65_535, 65_536, 65_537, MIB));
        for (int i = 0; i < 5; i++) {
            sizes.add(random.nextInt(1, MIB + 1));
        }
        try (EchoClient client = connect(server)) {
            for (int size : sizes) {
                byte[] payload = Payloads.random(random, size);
                byte[] echoed = client.echoInChunks(payload, random);
                assertThat(Arrays.mismatch(payload, echoed))
                        .as("first wrong byte in the echo of %d bytes (seed %d)", size, seed).isEqualTo(-1);
            }
        }
    }

    private static final int MESSAGES_PER_CONNECTION = 100;
    private static final int CLIENT_THREADS = 4;

    /*
     * Four client threads drive a quarter of the connections each in lockstep (see LockstepClients). All
     * connections are open and admitted by the server before the first message.
     */
    @Test
    @Timeout(120)
    void servesHundredsOfConcurrentConnections() throws Exception {
        EchoServer server = start(options());
        int connections = concurrentConnections() / CLIENT_THREADS * CLIENT_THREADS;
        CountDownLatch connected = new CountDownLatch(CLIENT_THREADS);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(CLIENT_THREADS,
                Thread.ofPlatform().name("suite-client-", 0).factory());
        try {
            List<Future<Long>> echoed = new ArrayList<>();
            for (int t = 0; t < CLIENT_THREADS; t++) {
                LockstepClients clients =
                        new LockstepClients(address(server), connections / CLIENT_THREADS, seed + t);
                echoed.add(threads.submit(() -> clients.run(MESSAGES_PER_CONNECTION, connected, go)));
            }
            connected.await();
            for (Future<Long> f : echoed) {
                if (f.isDone()) {
                    f.get(); // a thread that could not connect fails the test with its own exception
                }
            }
            Await.until(() -> "all " + connections + " connections admitted: " + server.ledger(),
                    () -> server.ledger().open() == connections, Duration.ofSeconds(30));
            go.countDown();
            long total = 0;
            for (Future<Long> f : echoed) {
                total += f.get();
            }
            assertThat(total).isEqualTo((long) connections * MESSAGES_PER_CONNECTION);
        } finally {
            threads.shutdownNow();
        }
        assertThat(server.ledger().accepted()).isEqualTo(connections);
        awaitOpenConnections(server, 0);
    }

    /** What a non-reading client sends beyond what the kernel can hold: the server must not take it into memory. */
    private static final int UNREAD_BEYOND_KERNEL_BYTES = 16 * MIB;
    /** Heap and direct memory the server may add while holding back; buffering the excess would add 16 MiB. */
    private static final long MAX_MEMORY_GROWTH_BYTES = 8 * MIB;
    private static final Duration NO_PROGRESS = Duration.ofMillis(500);

    /*
     * A client writes 16 MiB more than the kernel can hold in socket buffers, and reads nothing. Once those buffers
     * are full the server's writes would block, and a correct server then stops reading from this client: the
     * client's writes stop making progress before all is written, the server waits instead of spinning, its memory
     * does not grow by the payload, and other clients are still served. When the client reads, every byte comes
     * back in order.
     */
    @Test
    @Timeout(90)
    void stopsReadingWhenClientDoesNotRead() throws Exception {
        EchoServer server = start(options());
        long kernelBytes = NonReadingClient.kernelCapacityBytes();
        int payloadBytes = Math.toIntExact(kernelBytes + UNREAD_BEYOND_KERNEL_BYTES);
        // Direct buffers, allocated before the memory baseline: writing a heap buffer would copy it into a
        // temporary direct buffer of the same size, which the measurement would charge to the server.
        ByteBuffer payload = ByteBuffer.allocateDirect(payloadBytes)
                .put(Payloads.random(new SplittableRandom(seed), payloadBytes)).flip();
        ByteBuffer echoed = ByteBuffer.allocateDirect(payloadBytes);
        try (NonReadingClient client = NonReadingClient.connect(address(server))) {
            long memoryBefore = ServerFootprint.memoryUsedAfterGc();

            assertThat(client.writeUntilStalled(payload, NO_PROGRESS))
                    .as("bytes a non-reading client could write, of %d; the kernel holds at most %d, so a server"
                            + " that stops reading stalls it before the end", payloadBytes, kernelBytes)
                    .isLessThan(payloadBytes);
            if (idlesWhenBlocked()) {
                assertThat(ServerFootprint.cpuCoresOfOtherThreads(Duration.ofSeconds(1)))
                        .as("cores used by the server while every write would block").isLessThan(SPIN_CPU_CORES);
            }
            assertThat(ServerFootprint.memoryUsedAfterGc() - memoryBefore)
                    .as("heap + direct bytes the server added while the client did not read")
                    .isLessThan(MAX_MEMORY_GROWTH_BYTES);
            try (EchoClient other = connect(server)) {
                assertEcho(other, Payloads.random(new SplittableRandom(seed), 1000));
            }

            client.readEcho(payload, echoed);
        }
        assertThat(echoed.flip().mismatch(payload.flip()))
                .as("first wrong byte of the %d-byte echo (seed %d)", payloadBytes, seed).isEqualTo(-1);
    }

    /*
     * Half-close: the client shuts down its output after writing. The server must echo everything it received and
     * then close its side, which the client reads as end of stream, with nothing after the echo.
     */
    @Test
    @Timeout(60)
    void echoesEverythingThenClosesAfterClientHalfClose() throws IOException {
        EchoServer server = start(options());
        SplittableRandom random = new SplittableRandom(seed);
        for (int size : List.of(0, 1, 256 * KIB + 17)) {
            try (EchoClient client = connect(server)) {
                byte[] payload = Payloads.random(random, size);
                byte[] echoed = client.echoInChunksThenShutdownOutput(payload, random);
                assertThat(Arrays.mismatch(payload, echoed))
                        .as("first wrong byte in the echo of %d bytes before half-close (seed %d)", size, seed)
                        .isEqualTo(-1);
                assertThat(client.awaitEnd(Duration.ofSeconds(10)))
                        .as("what follows the echo of %d bytes after the client shut down output", size)
                        .isEqualTo(Ending.END_OF_STREAM);
            }
        }
        awaitOpenConnections(server, 0);
    }

    private static final int ABRUPT_CLIENTS = 60;

    /*
     * Sixty clients leave badly while a healthy one keeps echoing: resets with SO_LINGER 0 mid-message, closes with
     * a 256 KiB echo unread (the kernel resets those too, often while the server is writing to them), and plain
     * closes mid-message. The healthy connection must keep echoing, new connections must be served, and every
     * admitted connection must be accounted closed.
     */
    @Test
    @Timeout(90)
    void keepsServingOthersThroughResetsAndAbruptDisconnects() throws Exception {
        EchoServer server = start(options());
        SplittableRandom random = new SplittableRandom(seed);
        try (EchoClient healthy = connect(server)) {
            AtomicBoolean abusing = new AtomicBoolean(true);
            SplittableRandom healthyRandom = random.split();
            ExecutorService healthyThread = Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().name("suite-healthy").factory());
            Future<Integer> healthyEchoes = healthyThread.submit(() -> {
                int echoes = 0;
                while (abusing.get() || echoes == 0) {
                    assertEcho(healthy, Payloads.random(healthyRandom, healthyRandom.nextInt(1, 1025)));
                    echoes++;
                }
                return echoes;
            });
            try {
                for (int i = 0; i < ABRUPT_CLIENTS; i++) {
                    EchoClient abrupt = connect(server);
                    switch (i % 3) {
                        case 0 -> {
                            abrupt.write(Payloads.random(random, 500));
                            abrupt.reset();
                        }
                        case 1 -> {
                            abrupt.write(Payloads.random(random, 256 * KIB));
                            abrupt.close();
                        }
                        default -> {
                            abrupt.write(Payloads.random(random, 10));
                            abrupt.close();
                        }
                    }
                }
            } finally {
                abusing.set(false);
                healthyThread.shutdown();
            }
            assertThat(healthyEchoes.get()).as("echoes on the healthy connection meanwhile").isPositive();
            for (int i = 0; i < MESSAGES_PER_CONNECTION; i++) {
                assertEcho(healthy, Payloads.random(random, random.nextInt(1, 1025)));
            }
            try (EchoClient late = connect(server)) {
                assertEcho(late, Payloads.random(random, 1000));
            }
        }
        awaitOpenConnections(server, 0);
    }

    /*
     * close() releases everything: an idle client is disconnected, the port can be bound again, and no thread or
     * descriptor the server added survives (ServerFootprint says what counts as the server's). A first server is
     * started and closed before the snapshot, so that what the JDK creates on first use (virtual-thread pollers,
     * class path jars) exists before it.
     */
    @Test
    @Timeout(60)
    void releasesPortThreadsAndDescriptorsOnClose() throws IOException {
        try (EchoServer warmUp = start(options()); EchoClient client = connect(warmUp)) {
            assertEcho(client, new byte[] {1, 2, 3});
        }
        ServerFootprint before = ServerFootprint.snapshot();

        EchoServer server = start(options());
        int port = server.port();
        try (EchoClient a = connect(server); EchoClient b = connect(server)) {
            assertEcho(a, new byte[] {4});
            assertEcho(b, new byte[] {5});
        }
        try (EchoClient idle = connect(server)) {
            assertEcho(idle, new byte[] {6});
            server.close();
            server.close();
            assertThat(idle.awaitEnd(Duration.ofSeconds(10)))
                    .as("what a connected client sees once the server is closed")
                    .isIn(Ending.END_OF_STREAM, Ending.RESET);
        }
        assertThat(server.ledger().open()).as("connections the ledger still counts open after close()").isZero();
        // Two seconds of grace: a thread that has signalled its end may take a moment to terminate.
        Await.empty("threads of the server alive after close()", before::threadsAdded, Duration.ofSeconds(2));
        Await.empty("descriptors of the server open after close()", before::descriptorsAdded, Duration.ofSeconds(2));
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(options().bind(), port));
        }
    }

    private static final int MAX_CONNECTIONS = 5;
    private static final int EXTRA_CONNECTIONS = 3;

    /*
     * With --max-connections 5, connections six to eight are closed at once and counted as refused while the five
     * admitted ones keep echoing; once an admitted connection leaves, a new one is admitted.
     */
    @Test
    @Timeout(60)
    void refusesConnectionsBeyondMaxConnections() throws IOException {
        EchoServer server = start(options().withMaxConnections(MAX_CONNECTIONS));
        List<EchoClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                clients.add(connect(server));
                assertEcho(clients.get(i), new byte[] {(byte) i});
            }
            for (int i = 0; i < EXTRA_CONNECTIONS; i++) {
                EchoClient extra = connect(server);
                clients.add(extra);
                assertThat(extra.awaitEnd(Duration.ofSeconds(10)))
                        .as("what connection %d of %d allowed sees", MAX_CONNECTIONS + i + 1, MAX_CONNECTIONS)
                        .isIn(Ending.END_OF_STREAM, Ending.RESET);
            }
            Await.until(() -> "refused() == " + EXTRA_CONNECTIONS + ": " + server.ledger(),
                    () -> server.ledger().refused() == EXTRA_CONNECTIONS, Duration.ofSeconds(10));
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                assertEcho(clients.get(i), new byte[] {(byte) i, 42});
            }
            assertThat(server.ledger().open()).isEqualTo(MAX_CONNECTIONS);

            clients.getFirst().close();
            awaitOpenConnections(server, MAX_CONNECTIONS - 1);
            EchoClient next = connect(server);
            clients.add(next);
            assertEcho(next, new byte[] {7, 7, 7});
            assertThat(server.ledger().accepted()).isEqualTo(MAX_CONNECTIONS + 1);
            assertThat(server.ledger().refused()).isEqualTo(EXTRA_CONNECTIONS);
        } finally {
            clients.forEach(EchoClient::close);
        }
    }

    /** Descriptors left to the server process above what it uses when idle. */
    private static final int DESCRIPTOR_HEADROOM = 6;
    private static final int PROBE_CONNECTIONS = 16;

    /*
     * The model runs in its own JVM, through ServerLauncher as in a sweep, and its descriptor limit is lowered to
     * what it uses plus six. Sixteen clients connect: some are served, the rest wait in the backlog while every
     * accept fails with EMFILE. The server must stay up, wait instead of retrying in a tight loop (a low CPU share,
     * and at most one failed accept per millisecond), and accept the waiting clients once served ones leave.
     */
    @Test
    @Timeout(90)
    void backsOffAndRecoversWhenDescriptorsRunOut(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(LauncherProcess.PRLIMIT), "needs util-linux prlimit to lower a limit");
        // The cap lifted, so that accept, not the cap, fails.
        try (LauncherProcess server = LauncherProcess.start(model().name(), launcherArgs(Integer.MAX_VALUE), dir)) {
            InetSocketAddress address = new InetSocketAddress(connectAddress(), server.port());
            warmUp(address);
            long limitedAtNs = System.nanoTime();
            server.limitDescriptors(server.openDescriptors() + DESCRIPTOR_HEADROOM);

            try (ConnectionProbes probes = ConnectionProbes.open(address, PROBE_CONNECTIONS)) {
                List<Integer> served = probes.awaitEchoes(Duration.ofMillis(1500), Duration.ofSeconds(15));
                List<Integer> starved = probes.waiting();
                assertThat(served).as(() -> "connections served within the descriptor limit" + server.stderr())
                        .isNotEmpty();
                assertThat(starved).as(() -> "connections left in the backlog once descriptors ran out (served "
                        + served + ")" + server.stderr()).isNotEmpty();
                if (idlesWhenBlocked()) {
                    assertThat(server.cpuCores(Duration.ofMillis(1500)))
                            .as("cores used by the server while accept fails").isLessThan(SPIN_CPU_CORES);
                }
                assertThat(server.isAlive()).as(() -> "server alive while accept fails" + server.stderr()).isTrue();

                probes.close(served);
                List<Integer> echoedNow = probes.awaitEchoes(Duration.ofSeconds(2), Duration.ofSeconds(15));
                List<Integer> recovered = starved.stream().filter(echoedNow::contains).toList();
                assertThat(recovered)
                        .as(() -> "waiting connections served once " + served.size() + " descriptors were freed"
                                + server.stderr())
                        .hasSizeGreaterThanOrEqualTo(Math.min(served.size(), starved.size()));
            }
            long acceptFailures = server.stop().acceptFailures();
            long elapsedMs = (System.nanoTime() - limitedAtNs) / 1_000_000;
            assertThat(acceptFailures).as("accept failures the server counted").isPositive();
            assertThat(acceptFailures).as("accept failures in %d ms: retries must back off", elapsedMs)
                    .isLessThanOrEqualTo(elapsedMs);
        }
    }

    /*
     * Descriptors run out before the first client, who then waits a moment before writing, so that the server waits
     * for data on it: whatever the model or the JDK opens on a connection's first wait must be open by READY. A
     * virtual-thread server opened the JDK's poller there, could not, and every wait of every connection after that
     * failed with it.
     */
    @Test
    @Timeout(60)
    void servesTheFirstClientWhenDescriptorsRanOutBeforeIt(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(LauncherProcess.PRLIMIT), "needs util-linux prlimit to lower a limit");
        try (LauncherProcess server = LauncherProcess.start(model().name(), launcherArgs(null), dir)) {
            // One descriptor for the client's connection, one to spare.
            server.limitDescriptors(server.openDescriptors() + 2);
            SplittableRandom random = new SplittableRandom(seed);
            try (EchoClient client = EchoClient.connect(new InetSocketAddress(connectAddress(), server.port()))) {
                Thread.sleep(200);
                for (int i = 0; i < ECHOES_AFTER_FLOOD; i++) {
                    assertEcho(client, Payloads.random(random, random.nextInt(1, 1025)));
                }
            } catch (IOException e) {
                throw new AssertionError("the first client after descriptors ran out: " + e + server.stderr(), e);
            }
            server.stop();
        }
    }

    /** The descriptor limit of a small {@code ulimit -n}: below what a JVM, a model and a flood of clients need. */
    private static final int LOW_DESCRIPTOR_LIMIT = 64;
    private static final int FLOOD_CONNECTIONS = 200;
    private static final int ECHOES_AFTER_FLOOD = 50;

    /*
     * The server starts under a descriptor limit of 64 (prlimit --nofile=64:64) with its default connection cap, and
     * 200 clients arrive at once, before any has warmed it up. Whatever the model or the JDK opens on first use must
     * be open before READY: a virtual-thread server that opened the JDK's poller only at its first wait failed to
     * open it here, and every connection after that got a few echoes and then end of stream. The default cap must
     * leave room for what the JVM and the model hold, so that the flood is refused at the cap rather than met by
     * EMFILE. Once the flood has left and the server has closed every connection, new clients get every echo, and
     * the server stops cleanly without a stack trace on stderr.
     */
    @Test
    @Timeout(120)
    void servesInFullAfterAFloodBeyondALowDescriptorLimitFromTheStart(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(LauncherProcess.PRLIMIT), "needs util-linux prlimit to lower a limit");
        try (LauncherProcess server = LauncherProcess.startWithDescriptorLimit(LOW_DESCRIPTOR_LIMIT, model().name(),
                launcherArgs(null), dir)) {
            InetSocketAddress address = new InetSocketAddress(connectAddress(), server.port());
            int heldWhenReady = server.openDescriptors();
            try (ConnectionProbes flood = ConnectionProbes.open(address, FLOOD_CONNECTIONS)) {
                assertThat(flood.awaitEchoes(Duration.ofMillis(1500), Duration.ofSeconds(15)))
                        .as(() -> "connections of the flood served" + server.stderr()).isNotEmpty();
            }
            Await.until(() -> "the server back to the " + heldWhenReady + " descriptors it held when ready (with"
                    + " more, it opened some on first use, after READY)" + server.stderr(), () -> server.holdsAtMostDescriptors(heldWhenReady), Duration.ofSeconds(30));
            SplittableRandom random = new SplittableRandom(seed);
            for (int client = 0; client < 3; client++) {
                try (EchoClient next = EchoClient.connect(address)) {
                    for (int i = 0; i < ECHOES_AFTER_FLOOD; i++) {
                        assertEcho(next, Payloads.random(random, random.nextInt(1, 1025)));
                    }
                }
            }
            LauncherProcess.Stopped stopped = server.stop();
            assertThat(stopped.refused()).as(() -> "connections the default cap refused: it must be reached before"
                    + " the descriptors run out (" + stopped + ")" + server.stderr()).isPositive();
            assertThat(server.stderr()).as("what the server printed on stderr").doesNotContain("\tat ");
        }
    }

    /**
     * Brings the server to its steady state before descriptors are limited: whatever the model or the JDK opens on
     * first use (pollers, selectors) must exist by then. The client waits before sending and after the echo, so that
     * the server blocks waiting for data at least once; a virtual-thread server creates the JDK's poller only then.
     */
    private void warmUp(InetSocketAddress address) throws Exception {
        try (EchoClient client = EchoClient.connect(address)) {
            Thread.sleep(200);
            assertEcho(client, new byte[] {1});
            Thread.sleep(200);
        }
        Thread.sleep(300);
    }

    /** The suite's options as launcher flags, with {@code maxConnections} or, when null, the launcher's default cap. */
    private List<String> launcherArgs(Integer maxConnections) {
        ServerOptions options = options();
        List<String> args = new ArrayList<>(List.of("--bind", options.bind().getHostAddress()));
        if (maxConnections != null) {
            args.addAll(List.of("--max-connections", Integer.toString(maxConnections)));
        }
        if (options.threads() > 0) {
            args.addAll(List.of("--threads", Integer.toString(options.threads())));
        }
        return args;
    }

    private EchoServer start(ServerOptions options) throws IOException {
        EchoServer server = model().start(options);
        servers.add(server);
        return server;
    }

    private InetAddress connectAddress() {
        return options().bind().isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : options().bind();
    }

    private InetSocketAddress address(EchoServer server) {
        return new InetSocketAddress(connectAddress(), server.port());
    }

    private EchoClient connect(EchoServer server) throws IOException {
        return EchoClient.connect(address(server));
    }

    private void assertEcho(EchoClient client, byte[] message) throws IOException {
        byte[] echoed = client.echo(message);
        if (!Arrays.equals(message, echoed)) {
            throw new AssertionError("echo of " + message.length + " bytes differs at byte "
                    + Arrays.mismatch(message, echoed) + " (seed " + seed + ")");
        }
    }

    private static void awaitOpenConnections(EchoServer server, int open) {
        Await.until(() -> "ledger().open() == " + open + ": " + server.ledger(),
                () -> server.ledger().open() == open, Duration.ofSeconds(10));
    }
}
