package io.iobench.client.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An echo server for tests, on 127.0.0.1, a virtual thread per connection, that can misbehave on demand: corrupt
 * the stream in a chosen way, stall every write for a while, stop answering for good, or die resetting every
 * connection.
 */
public final class TestEchoServer implements AutoCloseable {

    /** How the server treats the byte stream of each connection. */
    public enum Fault {
        /** A correct echo. */
        NONE,
        /** Flips one byte in the middle of message 2. */
        FLIP_BYTE,
        /** Flips one byte in the middle of every {@link #CORRUPTED_EVERY}th message, as a server with a rare bug would. */
        FLIP_SOME,
        /** Flips one byte in the middle of every message. */
        FLIP_ALL,
        /** Drops one byte of message 2. */
        DROP_BYTE,
        /** Echoes message 3 before message 2. */
        REORDER,
        /** Reads everything and echoes nothing. */
        SWALLOW,
        /** The first connection echoes message 2 twice in one write (more than was sent); the others are correct. */
        DUPLICATE,
        /**
         * The first connection to send a byte is echoed at once; every other waits {@link #STARVED_FOR} before each
         * echo (a connection that never sends, such as a check that the port listens, takes no turn).
         */
        STARVE
    }

    /** The message that {@link Fault}s damage: late enough that a few echoes were intact before it. */
    public static final int DAMAGED_MESSAGE = 2;
    /** {@link Fault#FLIP_SOME} damages one message in this many on each connection. */
    public static final int CORRUPTED_EVERY = 500;
    /** How long {@link Fault#STARVE} holds each echo of a starved connection, as a thread denied the CPU would. */
    public static final Duration STARVED_FOR = Duration.ofMillis(2500);

    private final ServerSocket listener;
    private final Fault fault;
    private final int messageBytes;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    /** Whether a connection has taken {@link Fault#STARVE}'s one fast turn. */
    private final AtomicBoolean servedFirst = new AtomicBoolean();
    private final Thread acceptor;
    private volatile long stalledUntilNs = System.nanoTime();
    private volatile boolean silent;

    private TestEchoServer(Fault fault, int messageBytes) throws IOException {
        this.fault = fault;
        this.messageBytes = messageBytes;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        this.acceptor = Thread.ofVirtual().name("test-echo-accept").start(this::accept);
    }

    /** A correct echo server. */
    public static TestEchoServer start() throws IOException {
        return new TestEchoServer(Fault.NONE, 1);
    }

    /** A server with {@code fault}, for messages of {@code messageBytes}. */
    public static TestEchoServer start(Fault fault, int messageBytes) throws IOException {
        return new TestEchoServer(fault, messageBytes);
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
    }

    public String target() {
        return "127.0.0.1:" + listener.getLocalPort();
    }

    public int accepted() {
        return accepted.get();
    }

    /** @return connections the server still serves: a connection the client really closed is gone from here */
    public int open() {
        return sockets.size();
    }

    /** Every write on every connection waits until {@code duration} from now has passed. */
    public void stall(Duration duration) {
        stalledUntilNs = System.nanoTime() + duration.toNanos();
    }

    /**
     * Stops answering for good, as a hung server would: it goes on reading every connection and keeps them open, and
     * echoes nothing more.
     */
    public void stopEchoing() {
        silent = true;
    }

    /** Dies: stops listening and resets every connection (RST, as a killed process's sockets would be). */
    public void resetAll() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            try {
                socket.setSoLinger(true, 0);
                socket.close();
            } catch (IOException e) {
                // Closed by its own thread meanwhile: that is what was wanted.
            }
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                boolean first = accepted.incrementAndGet() == 1;
                Fault own = fault == Fault.DUPLICATE && !first ? Fault.NONE : fault;
                Thread.ofVirtual().start(() -> serve(socket, own));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket, Fault fault) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            if (fault == Fault.NONE || fault == Fault.SWALLOW || fault == Fault.STARVE) {
                byte[] buffer = new byte[64 * 1024];
                Boolean fast = null;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (fault == Fault.STARVE) {
                        fast = fast != null ? fast : servedFirst.compareAndSet(false, true);
                        if (!fast) {
                            TimeUnit.NANOSECONDS.sleep(STARVED_FOR.toNanos());
                        }
                    }
                    if (fault != Fault.SWALLOW && !silent) {
                        awaitStall();
                        out.write(buffer, 0, n);
                    }
                }
                return;
            }
            byte[] held = null;
            for (int message = 0; ; message++) {
                byte[] bytes = in.readNBytes(messageBytes);
                if (bytes.length < messageBytes) {
                    return;
                }
                if (message == DAMAGED_MESSAGE && fault == Fault.REORDER) {
                    held = bytes;
                    continue;
                }
                if (message == DAMAGED_MESSAGE && fault == Fault.DUPLICATE) {
                    // One write, so both copies reach the client in one receive, before it sends the next
                    // message: the stream is then longer than what was sent, whatever the timing.
                    byte[] twice = new byte[2 * messageBytes];
                    System.arraycopy(bytes, 0, twice, 0, messageBytes);
                    System.arraycopy(bytes, 0, twice, messageBytes, messageBytes);
                    out.write(twice);
                    continue;
                }
                if (message == DAMAGED_MESSAGE && fault == Fault.FLIP_BYTE || fault == Fault.FLIP_ALL
                        || fault == Fault.FLIP_SOME && message % CORRUPTED_EVERY == CORRUPTED_EVERY - 1) {
                    bytes[messageBytes / 2] ^= 0x01;
                }
                if (message == DAMAGED_MESSAGE && fault == Fault.DROP_BYTE) {
                    out.write(bytes, 0, messageBytes / 2);
                    out.write(bytes, messageBytes / 2 + 1, messageBytes - messageBytes / 2 - 1);
                    continue;
                }
                out.write(bytes);
                if (held != null) {
                    out.write(held);
                    held = null;
                }
            }
        } catch (IOException e) {
            // The client went away or the server is dying: nothing to do.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sockets.remove(socket);
        }
    }

    private void awaitStall() {
        for (long leftNs; (leftNs = stalledUntilNs - System.nanoTime()) > 0; ) {
            try {
                TimeUnit.NANOSECONDS.sleep(leftNs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        resetAll();
        try {
            acceptor.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
