package io.iobench.server.selector;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * The direct buffers of one reactor. While every write completes, the reactor reads into and writes from one
 * buffer and allocates nothing. When a write is partial, the buffer still holding the unwritten bytes is handed to
 * that connection as is (no copy) and the reactor goes on with a spare; the connection gives it back once the
 * client has taken the bytes. A few spares are kept so that a client that keeps stalling costs no allocation.
 *
 * <p>Not thread-safe: owned by its reactor's thread.
 */
final class EchoBuffers {

    /** Bytes read per read(2): Netty's largest adaptive receive buffer, so both read the same amount per call. */
    static final int BUFFER_BYTES = 64 * 1024;

    /** Spares kept for reuse; beyond this, buffers given back are left to the garbage collector. */
    static final int MAX_SPARES = 16;

    private final ArrayDeque<ByteBuffer> spares = new ArrayDeque<>(MAX_SPARES);
    private ByteBuffer read = ByteBuffer.allocateDirect(BUFFER_BYTES);

    /** @return the reactor's read buffer, cleared */
    ByteBuffer read() {
        return read.clear();
    }

    /**
     * Hands the read buffer, with the bytes a partial write left in it, to a connection. The reactor reads into a
     * spare from now on.
     */
    ByteBuffer detachRead() {
        ByteBuffer held = read;
        ByteBuffer spare = spares.poll();
        read = spare != null ? spare : ByteBuffer.allocateDirect(BUFFER_BYTES);
        return held;
    }

    /** Takes back a buffer from {@link #detachRead()} once its bytes are written or its connection is gone. */
    void release(ByteBuffer buffer) {
        if (spares.size() < MAX_SPARES) {
            spares.push(buffer);
        }
    }
}
