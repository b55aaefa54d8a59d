package io.iobench.server.select;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One accepted socket and the bytes it still owes its client. While bytes are pending the loop watches the socket
 * for writability only and reads nothing more from it: that is the backpressure, and it bounds what a connection
 * holds to one read buffer.
 *
 * <p>The pending bytes get native memory of their own only while a write is partial, so thousands of connections
 * that keep up cost no memory beyond the loop's one read buffer. Used by the loop thread only.
 */
final class Connection {

    final int fd;

    /** Null while nothing is pending. */
    private Arena pendingArena;
    private MemorySegment pending;
    private long sentBytes;

    Connection(int fd) {
        this.fd = fd;
    }

    /** @return whether a write is partial, i.e. the connection waits to be writable and must not be read */
    boolean writing() {
        return pending != null;
    }

    /** Keeps a copy of {@code unsent}, the tail of the read buffer send did not take. */
    void hold(MemorySegment unsent) {
        pendingArena = Arena.ofConfined();
        pending = pendingArena.allocate(unsent.byteSize());
        pending.copyFrom(unsent);
        sentBytes = 0;
    }

    /** @return the pending bytes not sent yet; only while {@link #writing()} */
    MemorySegment unsent() {
        return pending.asSlice(sentBytes);
    }

    /** Records that send took {@code bytes} of {@link #unsent()}; frees the copy once all of it is gone. */
    void sent(long bytes) {
        sentBytes += bytes;
        if (sentBytes == pending.byteSize()) {
            release();
        }
    }

    /** Frees the pending bytes, if any: when they are sent or the connection is closed. */
    void release() {
        if (pendingArena != null) {
            pendingArena.close();
            pendingArena = null;
            pending = null;
        }
    }
}
