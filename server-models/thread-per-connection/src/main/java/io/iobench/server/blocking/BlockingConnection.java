package io.iobench.server.blocking;

import io.iobench.server.ConnectionLedger;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client served by blocking calls on whatever thread runs it: read what has arrived, write all of it back,
 * repeat. While the client does not read, the write blocks and nothing more is read from it: backpressure comes
 * for free, one parked thread per stalled client. End of stream is only read once every earlier byte was written,
 * so a client that shuts down its output gets its whole echo and then end of stream.
 */
final class BlockingConnection implements Runnable {

    /**
     * Bytes read at once. A 16 KiB buffer carries a 1 MiB message in 64 reads, and 10,000 connections hold 160 MiB
     * of heap: the per-connection memory this model pays, honestly sized rather than shrunk to flatter it.
     */
    static final int BUFFER_BYTES = 16 * 1024;

    private final Socket socket;
    private final ConnectionLedger ledger;
    private final Set<BlockingConnection> open;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param open the server's set of open connections; this one is in it until closed
     */
    BlockingConnection(Socket socket, ConnectionLedger ledger, Set<BlockingConnection> open) {
        this.socket = socket;
        this.ledger = ledger;
        this.open = open;
        open.add(this);
    }

    @Override
    public void run() {
        try {
            // Allocated when a thread starts serving, not when accepted: a pooled connection waiting in the queue
            // costs no buffer. Reused for every message after that.
            byte[] buffer = new byte[BUFFER_BYTES];
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // A reset, a broken pipe, or close() of the server: this connection is over, the others go on.
        } finally {
            close();
        }
    }

    /** Closes the socket, which unblocks a thread reading or writing it. Idempotent; counts the close once. */
    void close() {
        if (closed.compareAndSet(false, true)) {
            open.remove(this);
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing a socket fails only when it is already unusable; it is released either way.
            }
            ledger.closed();
        }
    }
}
