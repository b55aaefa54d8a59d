package io.iobench.server.busypoll;

import io.iobench.server.ConnectionLedger;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * One non-blocking client socket of the polling loop, in one of two states:
 * <ul>
 *   <li>reading (nothing pending): each poll reads once into the loop's shared buffer and writes the bytes
 *       straight back, so a connection whose echo the kernel takes whole costs no buffer of its own;</li>
 *   <li>draining ({@link #pending} holds what the kernel refused): the client is not reading fast enough, so each
 *       poll only tries to write those bytes and reads nothing. That is the backpressure: the client's sends stop
 *       once the socket buffers are full, and the server holds at most one buffer for it.</li>
 * </ul>
 * Since nothing is read while bytes are pending, end of stream is only seen with nothing left to echo, and the
 * connection closes at once: a client that shuts down its output gets all its bytes back, then end of stream.
 *
 * <p>Not thread-safe: owned by the loop thread.
 */
final class PolledConnection {

    private final SocketChannel channel;
    private final ConnectionLedger ledger;
    /** Allocated the first time the kernel refuses part of an echo, then reused; null until then. */
    private ByteBuffer pending;

    PolledConnection(SocketChannel channel, ConnectionLedger ledger) {
        this.channel = channel;
        this.ledger = ledger;
    }

    /**
     * Makes whatever progress is possible without blocking.
     *
     * @param readBuffer the loop's buffer, free for this call
     * @return false once the connection is closed (end of stream, reset, broken pipe)
     */
    boolean poll(ByteBuffer readBuffer) {
        try {
            if (pending != null && pending.hasRemaining()) {
                channel.write(pending);
                if (pending.hasRemaining()) {
                    return true;
                }
            }
            readBuffer.clear();
            int read = channel.read(readBuffer);
            if (read < 0) {
                close();
                return false;
            }
            if (read > 0) {
                readBuffer.flip();
                channel.write(readBuffer);
                if (readBuffer.hasRemaining()) {
                    keepPending(readBuffer);
                }
            }
            return true;
        } catch (IOException e) {
            // A reset or broken pipe ends this connection only; the loop goes on polling the others.
            close();
            return false;
        }
    }

    private void keepPending(ByteBuffer unsent) {
        if (pending == null) {
            pending = ByteBuffer.allocateDirect(unsent.capacity());
        }
        pending.clear();
        pending.put(unsent).flip();
    }

    /** Closes the socket and counts the connection closed; called once, by the loop. */
    void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing fails only for a socket that is already unusable; it is released either way.
        }
        ledger.closed();
    }
}
