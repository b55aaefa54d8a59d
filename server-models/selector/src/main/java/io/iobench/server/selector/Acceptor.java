package io.iobench.server.selector;

import io.iobench.server.AcceptBackoff;
import io.iobench.server.ConnectionLedger;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * The listening socket on the reactor that accepts, attached to its selection key. On each OP_ACCEPT it accepts
 * until the backlog is empty and deals the connections round robin to the IO reactors (itself alone when the server
 * has one reactor).
 *
 * <p>When accept fails (EMFILE or ENFILE: out of descriptors) the pending connection stays in the backlog and the
 * socket stays readable, so a level-triggered selector would report it again at once and spin. The acceptor
 * therefore drops OP_ACCEPT for {@link AcceptBackoff}'s delay; its reactor selects with that timeout and goes on
 * serving IO meanwhile, then calls {@link #resumeWhenDue()} to arm OP_ACCEPT again.
 *
 * <p>Not thread-safe: owned by its reactor's thread.
 */
final class Acceptor {

    private final ServerSocketChannel listener;
    private final SelectionKey key;
    private final Reactor[] reactors;
    private final ConnectionLedger ledger;
    private final AcceptBackoff backoff = new AcceptBackoff();
    private int next;
    private boolean paused;
    private long resumeAtNs;

    Acceptor(ServerSocketChannel listener, Selector selector, Reactor[] reactors, ConnectionLedger ledger)
            throws ClosedChannelException {
        this.listener = listener;
        this.reactors = reactors;
        this.ledger = ledger;
        this.key = listener.register(selector, SelectionKey.OP_ACCEPT, this);
    }

    /** Accepts every connection in the backlog, or pauses accepting when accept fails. */
    void onAcceptable() {
        for (;;) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException e) {
                ledger.acceptFailed();
                pause(backoff.failed());
                return;
            }
            if (channel == null) {
                return;
            }
            backoff.succeeded();
            admit(channel);
        }
    }

    private void admit(SocketChannel channel) {
        if (!ledger.admit()) {
            Reactor.closeQuietly(channel);
            return;
        }
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException e) {
            // Reset before it was served: it was admitted, so it is counted closed.
            Reactor.closeQuietly(channel);
            ledger.closed();
            return;
        }
        reactors[next].adopt(channel);
        next = next + 1 == reactors.length ? 0 : next + 1;
    }

    private void pause(long delayMs) {
        key.interestOps(0);
        paused = true;
        resumeAtNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMs);
    }

    /** @return how long the reactor may block in select, in ms: 0 (no limit) unless accepting is paused */
    long selectTimeoutMs() {
        if (!paused) {
            return 0;
        }
        long remainingNs = resumeAtNs - System.nanoTime();
        return Math.max(1, Math.ceilDiv(remainingNs, TimeUnit.MILLISECONDS.toNanos(1)));
    }

    /** Arms OP_ACCEPT again once the pause after a failed accept is over. */
    void resumeWhenDue() {
        if (paused && System.nanoTime() - resumeAtNs >= 0) {
            paused = false;
            key.interestOps(SelectionKey.OP_ACCEPT);
        }
    }
}
