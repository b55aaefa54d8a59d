package io.iobench.server;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A blocking test client on one connection. Every read has a timeout, so a server that stops echoing fails the
 * test with a message instead of hanging it.
 */
final class EchoClient implements AutoCloseable {

    /** Longest a read waits for the server before the test fails. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    /** Largest chunk written or read at once when a payload is cut into random chunks. */
    private static final int MAX_CHUNK_BYTES = 64 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private EchoClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static EchoClient connect(InetSocketAddress server) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            socket.connect(server, (int) READ_TIMEOUT.toMillis());
            return new EchoClient(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    /** Reads exactly {@code length} bytes; the end of the stream before that is an {@link EOFException}. */
    byte[] readExactly(int length) throws IOException {
        byte[] bytes = new byte[length];
        int read = 0;
        while (read < length) {
            int n = in.read(bytes, read, length - read);
            if (n < 0) {
                throw new EOFException("server closed after echoing " + read + " of " + length + " bytes");
            }
            read += n;
        }
        return bytes;
    }

    /** Writes a message that fits the socket buffers, then reads its echo. */
    byte[] echo(byte[] message) throws IOException {
        write(message);
        return readExactly(message.length);
    }

    /**
     * Writes the payload in random-sized chunks from a second thread while this one reads the echo in random-sized
     * reads. Both must run at once: a payload larger than the socket buffers of both ends deadlocks a client that
     * writes everything before reading.
     */
    byte[] echoInChunks(byte[] payload, SplittableRandom random) throws IOException {
        return echoInChunks(payload, random, false);
    }

    /** As {@link #echoInChunks(byte[], SplittableRandom)}, then shuts down output once everything is written. */
    byte[] echoInChunksThenShutdownOutput(byte[] payload, SplittableRandom random) throws IOException {
        return echoInChunks(payload, random, true);
    }

    private byte[] echoInChunks(byte[] payload, SplittableRandom random, boolean shutdownOutput) throws IOException {
        SplittableRandom writerRandom = random.split();
        AtomicReference<Throwable> writeFailure = new AtomicReference<>();
        Thread writer = Thread.ofPlatform().name("suite-writer").start(() -> {
            try {
                for (int offset = 0; offset < payload.length; ) {
                    int chunk = Math.min(payload.length - offset, writerRandom.nextInt(1, MAX_CHUNK_BYTES + 1));
                    out.write(payload, offset, chunk);
                    offset += chunk;
                }
                if (shutdownOutput) {
                    socket.shutdownOutput();
                }
            } catch (Throwable t) {
                writeFailure.set(t);
            }
        });
        byte[] echoed = new byte[payload.length];
        try {
            for (int read = 0; read < payload.length; ) {
                int want = Math.min(payload.length - read, random.nextInt(1, MAX_CHUNK_BYTES + 1));
                int n = in.read(echoed, read, want);
                if (n < 0) {
                    throw new EOFException("server closed after echoing " + read + " of " + payload.length + " bytes");
                }
                read += n;
            }
        } catch (IOException | RuntimeException e) {
            socket.close(); // unblocks a writer stuck on a server that stopped reading
            throw e;
        } finally {
            join(writer);
        }
        if (writeFailure.get() != null) {
            throw new IOException("writing the payload failed", writeFailure.get());
        }
        return echoed;
    }

    /** How a connection ended, as the client sees it. */
    enum Ending {
        /** The server closed in order: a read returned end of stream. */
        END_OF_STREAM,
        /** The server reset the connection. */
        RESET,
        /** Bytes arrived instead of the end. */
        MORE_BYTES,
        /** Nothing arrived within the timeout: the connection is still open. */
        STILL_OPEN
    }

    /** Waits up to {@code timeout} for the server to end a connection on which no echo is outstanding. */
    Ending awaitEnd(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        try {
            return in.read() < 0 ? Ending.END_OF_STREAM : Ending.MORE_BYTES;
        } catch (SocketTimeoutException e) {
            return Ending.STILL_OPEN;
        } catch (SocketException e) {
            return Ending.RESET;
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            }
        }
    }

    /** Closes with SO_LINGER 0, so the server sees a reset instead of an orderly end of stream. */
    void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the writer", e);
        }
    }
}
