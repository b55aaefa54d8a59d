package io.iobench.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Many connections, each of which sends an eight-byte tag at once and then waits for its echo without blocking.
 * Telling which connections a server serves this way needs no thread per connection and no read timeout per
 * connection, so dozens of unserved ones cost the test nothing. A connection the server closes or resets (one it
 * refused at its cap) is closed here too, and counts as neither served nor waiting.
 */
final class ConnectionProbes implements AutoCloseable {

    private static final int TAG_BYTES = Long.BYTES;
    private static final long POLL_INTERVAL_MS = 20;

    private final List<SocketChannel> channels;
    private final List<ByteBuffer> echoes;

    private ConnectionProbes(List<SocketChannel> channels, List<ByteBuffer> echoes) {
        this.channels = channels;
        this.echoes = echoes;
    }

    /** Connects {@code count} clients; each sends its tag once connected. */
    static ConnectionProbes open(InetSocketAddress server, int count) throws IOException {
        List<SocketChannel> channels = new ArrayList<>();
        List<ByteBuffer> echoes = new ArrayList<>();
        ConnectionProbes probes = new ConnectionProbes(channels, echoes);
        try {
            for (int i = 0; i < count; i++) {
                SocketChannel channel = SocketChannel.open();
                channels.add(channel);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                // Connecting completes in the kernel's backlog even when the server cannot accept.
                channel.connect(server);
                channel.configureBlocking(false);
                echoes.add(ByteBuffer.allocate(TAG_BYTES));
                try {
                    // Eight bytes into an empty send buffer: written whole, or not at all.
                    channel.write(ByteBuffer.allocate(TAG_BYTES).putLong(0, tag(i)));
                } catch (IOException e) {
                    channel.close(); // refused by a server at its cap, and already reset
                }
            }
            return probes;
        } catch (IOException | RuntimeException e) {
            probes.close();
            throw e;
        }
    }

    /**
     * Reads what has arrived until one more connection has been echoed and then none for {@code quiet}, or
     * {@code max} has passed. A slow start of the server (a loaded host) therefore does not end the wait early.
     *
     * @return indices of the connections whose tag came back
     */
    List<Integer> awaitEchoes(Duration quiet, Duration max) throws IOException, InterruptedException {
        long startNs = System.nanoTime();
        int echoedBefore = echoed().size();
        int echoed = echoedBefore;
        long lastChangeNs = startNs;
        while (System.nanoTime() - startNs < max.toNanos()
                && (echoed == echoedBefore || System.nanoTime() - lastChangeNs < quiet.toNanos())) {
            for (int i = 0; i < channels.size(); i++) {
                SocketChannel channel = channels.get(i);
                if (channel.isOpen() && echoes.get(i).hasRemaining() && !readSome(channel, echoes.get(i))) {
                    channel.close();
                }
            }
            int now = echoed().size();
            if (now != echoed) {
                echoed = now;
                lastChangeNs = System.nanoTime();
            }
            Thread.sleep(POLL_INTERVAL_MS);
        }
        return echoed();
    }

    /** @return false when the server has closed or reset the connection: a refused one ends either way */
    private static boolean readSome(SocketChannel channel, ByteBuffer echo) {
        try {
            return channel.read(echo) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** @return indices of the connections whose tag came back intact, open or closed since */
    List<Integer> echoed() {
        return IntStream.range(0, channels.size())
                .filter(i -> !echoes.get(i).hasRemaining() && echoes.get(i).getLong(0) == tag(i))
                .boxed().toList();
    }

    /** @return indices of open connections still waiting for their echo */
    List<Integer> waiting() {
        return IntStream.range(0, channels.size())
                .filter(i -> channels.get(i).isOpen() && echoes.get(i).hasRemaining())
                .boxed().toList();
    }

    void close(List<Integer> indices) throws IOException {
        for (int i : indices) {
            channels.get(i).close();
        }
    }

    @Override
    public void close() throws IOException {
        for (SocketChannel channel : channels) {
            channel.close();
        }
    }

    private static long tag(int index) {
        return 0x5EED_0000_0000_0000L + index;
    }
}
