package io.iobench.client.engine;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Opens many connections with a bounded number of connects in flight, so that a burst of SYNs neither overflows
 * the server's listen backlog (which would show up as refused connects that measure the client, not the model)
 * nor waits for one handshake at a time. Each connect is non-blocking and finished on OP_CONNECT; one that takes
 * longer than the time-out is abandoned. Failures are counted by kind, never thrown.
 */
final class Connector {

    private final InetSocketAddress target;
    private final int maxInFlight;
    private final long timeoutNs;
    private final LongSupplier clock;
    private final ErrorCounts errors;

    Connector(InetSocketAddress target, int maxInFlight, long timeoutNs, LongSupplier clock, ErrorCounts errors) {
        this.target = target;
        this.maxInFlight = maxInFlight;
        this.timeoutNs = timeoutNs;
        this.clock = clock;
        this.errors = errors;
    }

    /** Connects {@code count} times; the connected channels are non-blocking, with TCP_NODELAY, in order. */
    Connected connect(int count) throws IOException {
        List<SocketChannel> channels = new ArrayList<>(count);
        Tally tally = new Tally();
        long startNs = clock.getAsLong();
        try (Selector selector = Selector.open()) {
            int started = 0;
            int inFlight = 0;
            while (started < count || inFlight > 0) {
                while (started < count && inFlight < maxInFlight) {
                    started++;
                    SocketChannel channel = null;
                    try {
                        channel = open();
                        if (channel.connect(target)) {
                            channels.add(channel);
                        } else {
                            channel.register(selector, SelectionKey.OP_CONNECT, new Pending(clock.getAsLong()));
                            inFlight++;
                        }
                    } catch (IOException e) {
                        tally.failed(channel, e);
                    }
                }
                if (inFlight == 0) {
                    continue;
                }
                selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNs) / 10));
                for (SelectionKey key : selector.selectedKeys()) {
                    key.cancel();
                    inFlight--;
                    SocketChannel channel = (SocketChannel) key.channel();
                    try {
                        channel.finishConnect();
                        channels.add(channel);
                    } catch (IOException e) {
                        tally.failed(channel, e);
                    }
                }
                selector.selectedKeys().clear();
                long nowNs = clock.getAsLong();
                for (SelectionKey key : selector.keys()) {
                    if (key.isValid() && nowNs - ((Pending) key.attachment()).startNs > timeoutNs) {
                        key.cancel();
                        inFlight--;
                        close((SocketChannel) key.channel());
                        tally.timedOut++;
                    }
                }
            }
            // Closing the selector deregisters every channel, so that a connection can later be registered with an
            // IO thread's selector or switched to blocking mode.
        }
        errors.add(ErrorKind.CONNECT_REFUSED, tally.refused);
        errors.add(ErrorKind.CONNECT_TIMEOUT, tally.timedOut);
        errors.add(ErrorKind.CONNECT_OTHER, tally.failed);
        return new Connected(channels, new ConnectReport(
                channels.size(), tally.refused, tally.timedOut, tally.failed, clock.getAsLong() - startNs));
    }

    /** The connections opened and how it went. */
    record Connected(List<SocketChannel> channels, ConnectReport report) {
    }

    private record Pending(long startNs) {
    }

    private static final class Tally {
        int refused;
        int timedOut;
        int failed;

        void failed(SocketChannel channel, IOException e) {
            close(channel);
            if (isRefused(e)) {
                refused++;
            } else {
                failed++;
            }
        }
    }

    private SocketChannel open() throws IOException {
        // An IPv4 target gets an IPv4 socket: the JDK's default dual-stack socket would carry IPv4-mapped
        // addresses through the IPv6 code paths of the kernel on every read.
        SocketChannel channel = target.getAddress() instanceof Inet4Address
                ? SocketChannel.open(StandardProtocolFamily.INET) : SocketChannel.open();
        channel.configureBlocking(false);
        // Echo latency is the subject: Nagle's algorithm would hold small messages back waiting for an ACK.
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        return channel;
    }

    static boolean isRefused(IOException e) {
        return e instanceof ConnectException && String.valueOf(e.getMessage()).contains("refused");
    }

    static void close(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing to do: the descriptor is released either way.
            }
        }
    }
}
