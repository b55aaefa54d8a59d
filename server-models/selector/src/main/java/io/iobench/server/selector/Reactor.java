package io.iobench.server.selector;

import io.iobench.server.ServerThreads;
import io.iobench.server.ConnectionLedger;
import java.io.IOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * One thread, one selector: serves the connections registered with it and, if it is given the listening socket,
 * accepts too.
 *
 * <p>Ready keys are consumed with {@link Selector#select(Consumer, long)} and an action created once, not through
 * {@link Selector#selectedKeys()}: the selected-key set is a {@code HashSet} that allocates a node for every ready
 * key on every select, and iterating it allocates an iterator, while the action form hands each ready key straight
 * to the action and allocates nothing.
 *
 * <p>Connections accepted on another thread are handed over through a queue and a {@link Selector#wakeup()}, since
 * only this thread touches its selector's keys. {@link #close()} stops the loop; the thread then closes every
 * connection it owns and its selector before it ends.
 */
final class Reactor {

    private final Selector selector;
    private final ConnectionLedger ledger;
    private final EchoBuffers buffers = new EchoBuffers();
    private final Queue<SocketChannel> handedOver = new ConcurrentLinkedQueue<>();
    private final Consumer<SelectionKey> onReady = this::onReady;
    private final Thread thread;
    private Acceptor acceptor;
    private volatile boolean running = true;

    Reactor(String threadName, Selector selector, ConnectionLedger ledger) {
        this.selector = selector;
        this.ledger = ledger;
        this.thread = Thread.ofPlatform().name(threadName).unstarted(this::run);
    }

    /** Makes this reactor accept on {@code listener} too, dealing connections to {@code reactors}. */
    void accept(ServerSocketChannel listener, Reactor[] reactors) throws IOException {
        acceptor = new Acceptor(listener, selector, reactors, ledger);
    }

    void start() {
        thread.start();
    }

    /** Serves {@code channel} (admitted, non-blocking) from now on; callable from any thread. */
    void adopt(SocketChannel channel) {
        if (Thread.currentThread() == thread) {
            register(channel);
        } else {
            handedOver.add(channel);
            selector.wakeup();
        }
    }

    private void run() {
        try {
            while (running) {
                selector.select(onReady, acceptor == null ? 0 : acceptor.selectTimeoutMs());
                if (acceptor != null) {
                    acceptor.resumeWhenDue();
                }
                for (SocketChannel channel; (channel = handedOver.poll()) != null; ) {
                    register(channel);
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            System.err.println(thread.getName() + ": selector failed, closing its connections: " + e);
        } finally {
            release();
        }
    }

    private void onReady(SelectionKey key) {
        if (key.attachment() instanceof Connection connection) {
            connection.onReady();
        } else if (key.attachment() instanceof Acceptor accepting) {
            accepting.onAcceptable();
        }
    }

    private void register(SocketChannel channel) {
        try {
            SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
            key.attach(new Connection(key, buffers, ledger));
        } catch (IOException e) {
            closeQuietly(channel);
            ledger.closed();
        }
    }

    /** Closes every connection of this reactor, then its selector, which frees their descriptors. */
    private void release() {
        for (SelectionKey key : selector.keys().toArray(SelectionKey[]::new)) {
            if (key.attachment() instanceof Connection connection) {
                connection.close();
            }
        }
        for (SocketChannel channel; (channel = handedOver.poll()) != null; ) {
            closeQuietly(channel);
            ledger.closed();
        }
        closeQuietly(selector);
    }

    /** Stops the loop and returns once the thread has closed everything it owned. */
    void close() {
        running = false;
        if (thread.getState() == Thread.State.NEW) {
            release();
            return;
        }
        selector.wakeup();
        ServerThreads.joinUninterruptibly(thread);
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing is best effort: the descriptor is released either way.
        }
    }
}
