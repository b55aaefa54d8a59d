package io.iobench.server;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A client that writes without reading, on a non-blocking socket so that it can see its writes stop making
 * progress instead of blocking in them. Its own socket buffers are set small; the server's are the kernel's
 * business and can grow large (see {@link #kernelCapacityBytes()}).
 */
final class NonReadingClient implements AutoCloseable {

    /** Send and receive buffer of the client socket, fixed before connecting so the kernel does not grow them. */
    static final int SOCKET_BUFFER_BYTES = 64 * 1024;

    private final SocketChannel channel;

    private NonReadingClient(SocketChannel channel) {
        this.channel = channel;
    }

    /**
     * The most the kernel can hold between a writer and a reader that stopped reading: the server's receive and send
     * buffers at their autotuning maximum ({@code net.ipv4.tcp_rmem} and {@code tcp_wmem}, third field) plus this
     * client's two buffers, which Linux doubles for its bookkeeping. A server that reads fast grows its receive buffer towards that maximum (32 MiB on many
     * hosts), so only writes beyond this amount tell a server that stops reading from one that buffers in memory.
     */
    static long kernelCapacityBytes() throws IOException {
        return maxAutotunedBytes("tcp_rmem") + maxAutotunedBytes("tcp_wmem") + 2L * 2 * SOCKET_BUFFER_BYTES;
    }

    private static long maxAutotunedBytes(String sysctl) throws IOException {
        // One line, "min default max"; Files.readString returns a single byte of these zero-size sysctl files.
        String line = Files.readAllLines(Path.of("/proc/sys/net/ipv4", sysctl)).getFirst();
        String[] minDefaultMax = line.trim().split("\\s+");
        return Long.parseLong(minDefaultMax[2]);
    }

    static NonReadingClient connect(InetSocketAddress server) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER_BYTES);
            channel.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER_BYTES);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.connect(server);
            channel.configureBlocking(false);
            return new NonReadingClient(channel);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Writes from {@code payload} until no byte has been taken for {@code noProgress}, or all of it was.
     *
     * @return bytes written in total
     */
    long writeUntilStalled(ByteBuffer payload, Duration noProgress) throws IOException, InterruptedException {
        long lastProgressNs = System.nanoTime();
        while (payload.hasRemaining()) {
            if (channel.write(payload) > 0) {
                lastProgressNs = System.nanoTime();
            } else if (System.nanoTime() - lastProgressNs > noProgress.toNanos()) {
                break;
            } else {
                Thread.sleep(5);
            }
        }
        return payload.position();
    }

    /** Starts reading: writes the rest of {@code payload} while reading into {@code echoed} until it is full. */
    void readEcho(ByteBuffer payload, ByteBuffer echoed) throws IOException, InterruptedException {
        while (echoed.hasRemaining()) {
            int wrote = payload.hasRemaining() ? channel.write(payload) : 0;
            int read = channel.read(echoed);
            if (read < 0) {
                fail("server closed after echoing %d of %d bytes", echoed.position(), echoed.capacity());
            }
            if (wrote == 0 && read == 0) {
                Thread.sleep(1);
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
