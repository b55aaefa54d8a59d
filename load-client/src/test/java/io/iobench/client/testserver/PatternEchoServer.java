package io.iobench.client.testserver;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * An echo server in a JVM of its own whose system calls follow a known pattern, for the syscall profiler's tests:
 * {@code busy-poll} reads every connection round and round without waiting (a read per connection per turn, echo or
 * not), {@code selector} waits in one {@code Selector.select()} (epoll_wait) and reads and writes what it reports.
 * It prints {@code READY port=N} and serves until killed, on one thread.
 */
public final class PatternEchoServer {

    private PatternEchoServer() {
    }

    public static void main(String[] args) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        listener.configureBlocking(false);
        System.out.println("READY port=" + listener.socket().getLocalPort());
        System.out.flush();
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        if (args[0].equals("busy-poll")) {
            busyPoll(listener, buffer);
        } else {
            selector(listener, buffer);
        }
    }

    private static void busyPoll(ServerSocketChannel listener, ByteBuffer buffer) throws IOException {
        List<SocketChannel> connections = new ArrayList<>();
        while (true) { // until killed: the test's process ends it
            SocketChannel accepted = listener.accept();
            if (accepted != null) {
                accepted.configureBlocking(false);
                connections.add(accepted);
            }
            for (Iterator<SocketChannel> it = connections.iterator(); it.hasNext(); ) {
                SocketChannel channel = it.next();
                if (!echo(channel, buffer)) {
                    channel.close();
                    it.remove();
                }
            }
        }
    }

    private static void selector(ServerSocketChannel listener, ByteBuffer buffer) throws IOException {
        Selector selector = Selector.open();
        listener.register(selector, SelectionKey.OP_ACCEPT);
        while (true) { // until killed
            selector.select();
            for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                SelectionKey key = it.next();
                it.remove();
                if (key.isAcceptable()) {
                    SocketChannel accepted = listener.accept();
                    if (accepted != null) {
                        accepted.configureBlocking(false);
                        accepted.register(selector, SelectionKey.OP_READ);
                    }
                } else if (key.isReadable() && !echo((SocketChannel) key.channel(), buffer)) {
                    key.channel().close();
                }
            }
        }
    }

    /** @return false at end of stream; a reply is written whole, as a small one on loopback always is at once */
    private static boolean echo(SocketChannel channel, ByteBuffer buffer) throws IOException {
        buffer.clear();
        int read;
        try {
            read = channel.read(buffer);
        } catch (IOException e) {
            return false;
        }
        if (read < 0) {
            return false;
        }
        buffer.flip();
        for (int spins = 0; buffer.hasRemaining() && spins < 1_000_000; spins++) {
            channel.write(buffer);
        }
        return true;
    }
}
