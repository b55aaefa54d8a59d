package io.iobench.server.selector;

import io.iobench.server.ConnectionLedger;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One client socket on a reactor, attached to its selection key. It is in one of two states:
 * <ul>
 *   <li>reading (interest OP_READ, nothing pending): each readiness reads once into the reactor's buffer and writes
 *       the bytes straight back;</li>
 *   <li>draining (interest OP_WRITE only, {@link #pending} holds what the kernel refused): the client is not
 *       reading fast enough, so the connection stops reading until those bytes are written. That is the
 *       backpressure: the client's own send blocks, and the server holds at most one buffer for it.</li>
 * </ul>
 * Since nothing is read while bytes are pending, end of stream is only seen with nothing left to echo, and the
 * connection closes at once: a client that shuts down its output gets all its bytes back, then end of stream.
 *
 * <p>Not thread-safe: owned by its reactor's thread.
 */
final class Connection {

    private final SelectionKey key;
    private final SocketChannel channel;
    private final EchoBuffers buffers;
    private final ConnectionLedger ledger;
    private ByteBuffer pending;

    Connection(SelectionKey key, EchoBuffers buffers, ConnectionLedger ledger) {
        this.key = key;
        this.channel = (SocketChannel) key.channel();
        this.buffers = buffers;
        this.ledger = ledger;
    }

    /** Serves the readiness the last select reported. */
    void onReady() {
        if (!key.isValid()) {
            return;
        }
        try {
            if (pending == null) {
                if (key.isReadable()) {
                    echo();
                }
            } else if (key.isWritable()) {
                drain();
            }
        } catch (IOException e) {
            // A reset or broken pipe ends this connection only; the reactor goes on serving the others.
            close();
        }
    }

    private void echo() throws IOException {
        // One read per readiness, even when more is queued: level-triggered selection comes back for the rest,
        // and no connection can hold the reactor for longer than one buffer.
        ByteBuffer buffer = buffers.read();
        int read = channel.read(buffer);
        if (read < 0) {
            close();
            return;
        }
        if (read == 0) {
            return;
        }
        buffer.flip();
        channel.write(buffer);
        if (buffer.hasRemaining()) {
            pending = buffers.detachRead();
            key.interestOps(SelectionKey.OP_WRITE);
        }
    }

    private void drain() throws IOException {
        channel.write(pending);
        if (!pending.hasRemaining()) {
            buffers.release(pending);
            pending = null;
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    /** Closes the socket (which cancels its key) and gives back its buffer. Idempotent. */
    void close() {
        if (!channel.isOpen()) {
            return;
        }
        Reactor.closeQuietly(channel);
        if (pending != null) {
            buffers.release(pending);
            pending = null;
        }
        ledger.closed();
    }
}
