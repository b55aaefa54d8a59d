package io.iobench.client.engine;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * One connection's byte stream: which message byte goes out next, which one comes back next, and the timestamps
 * of what is outstanding. Message content is a function of (id, sequence, index) ({@link Payload}), so nothing
 * sent is kept: the sender regenerates bytes from its cursor into the IO thread's buffer, and the receiver checks
 * each echoed byte against the same function as it arrives, in whatever pieces TCP delivers.
 *
 * <p>Not thread-safe: used by one thread at a time (an IO thread during a run, an {@link Exchange} otherwise).
 */
final class Connection implements Outbox {

    /** What a connection tells the thread driving it. */
    interface Events {
        /** A message was admitted: the connection has something to write. */
        void admitted(Connection connection);

        /** A message's echo completed; {@code intact} is false when any of its bytes differed. */
        void echoed(Connection connection, long intendedNs, long sentNs, long receivedNs, boolean intact);

        /** A message was given up ({@link EchoSink#gaveUp}). */
        default void gaveUp(long intendedNs, long sentNs, long gaveUpNs) {
        }

        /** The connection waited for an echo at least {@link EchoSink#STRETCH_NOTED_NS} ({@link EchoSink#unanswered}). */
        default void unanswered(Connection connection, long fromNs, long toNs) {
        }
    }

    /** {@link #waitingSinceNs} when nothing sent is unanswered. */
    private static final long NOT_WAITING = Long.MIN_VALUE;

    private final int id;
    private final SocketChannel channel;
    private final Payload payload;
    private final ErrorCounts errors;
    private final TimestampRing ring;
    private Events events;
    /** Its key while a {@link SelectorLoop} drives it. */
    SelectionKey key;
    /** Its index in the share of the IO thread driving it. */
    int slot;

    /** The message the next byte written belongs to, and that byte's index in it. */
    private long txSequence;
    private int txOffset;
    private long txBytes;
    /** The index, in the message at the ring's head, of the next byte to be read. */
    private int rxOffset;
    private boolean rxCorrupt;
    private long rxBytes;
    /** Since when a message sent has waited for its echo: its send, or the previous echo if that came later. */
    private long waitingSinceNs = NOT_WAITING;
    /** Intended send times of messages skipped for a full backlog, waiting for the echo that frees a slot. */
    private long[] skipped = new long[0];
    private int skippedCount;

    long firstSendNs = Long.MIN_VALUE;
    boolean firstEchoSeen;
    /** Waiting for OP_WRITE: the socket took less than offered. */
    boolean writeBlocked;
    /** In its IO thread's queue of connections to write. */
    boolean queued;

    Connection(int id, SocketChannel channel, Payload payload, ErrorCounts errors) {
        this.id = id;
        this.channel = channel;
        this.payload = payload;
        this.errors = errors;
        // Allocated with the connection so that both sit side by side in memory: one cache miss fewer per echo.
        this.ring = new TimestampRing(1);
    }

    @Override
    public int id() {
        return id;
    }

    int messageBytes() {
        return payload.sizeBytes();
    }

    SocketChannel channel() {
        return channel;
    }

    /** Starts a run: at most {@code maxOutstanding} messages outstanding, reported to {@code runEvents}. */
    void begin(int maxOutstanding, Events runEvents) {
        if (outstanding() > 0) {
            throw new IllegalStateException("connection " + id + " still has echoes outstanding");
        }
        ring.bound(maxOutstanding);
        events = runEvents;
        // A run stopped early may leave these set; nothing is outstanding, so nothing waits to be written.
        queued = false;
        writeBlocked = false;
        waitingSinceNs = NOT_WAITING;
    }

    @Override
    public boolean admit(long intendedNs) {
        if (!ring.offer(intendedNs)) {
            errors.add(ErrorKind.BACKLOG_OVERFLOW, 1);
            if (skippedCount == skipped.length) {
                skipped = Arrays.copyOf(skipped, Math.max(16, skipped.length * 2));
            }
            skipped[skippedCount++] = intendedNs;
            return false;
        }
        events.admitted(this);
        return true;
    }

    /**
     * Gives up every message still outstanding or skipped, at {@code nowNs}: the drain time-out expired, or the run
     * stopped. Each is reported at its lower bound; the ring is left as it was, for the caller to count.
     */
    void giveUpAll(long nowNs) {
        stopWaiting(nowNs);
        for (long sequence = ring.head(); sequence < ring.tail(); sequence++) {
            long sentNs = ring.sentNs(sequence);
            events.gaveUp(ring.intendedNs(sequence), sentNs, nowNs);
        }
        giveUpSkipped(nowNs);
    }

    private void giveUpSkipped(long nowNs) {
        for (int i = 0; i < skippedCount; i++) {
            events.gaveUp(skipped[i], Long.MIN_VALUE, nowNs);
        }
        skippedCount = 0;
    }

    /** Ends the current wait for an echo at {@code nowNs}, reporting it when it was long enough to note. */
    private void stopWaiting(long nowNs) {
        if (waitingSinceNs != NOT_WAITING && nowNs - waitingSinceNs >= EchoSink.STRETCH_NOTED_NS) {
            events.unanswered(this, waitingSinceNs, nowNs);
        }
        waitingSinceNs = NOT_WAITING;
    }

    /** @return messages admitted and not yet echoed */
    int outstanding() {
        return ring.outstanding();
    }

    /** @return bytes written and not yet echoed */
    long bytesInFlight() {
        return txBytes - rxBytes;
    }

    /** @return true when admitted bytes are waiting to be written */
    boolean hasUnsent() {
        return txSequence < ring.tail();
    }

    /**
     * Puts the next admitted bytes, as many as fit, into {@code tx} without consuming them: {@link #sent} says
     * how many the socket took.
     *
     * @return bytes put
     */
    int fill(ByteBuffer tx) {
        int start = tx.position();
        int size = payload.sizeBytes();
        long sequence = txSequence;
        int offset = txOffset;
        long admitted = ring.tail();
        while (sequence < admitted && tx.hasRemaining()) {
            int to = Math.min(size, offset + tx.remaining());
            payload.write(tx, id, sequence, offset, to);
            if (to == size) {
                sequence++;
                offset = 0;
            } else {
                offset = to;
            }
        }
        return tx.position() - start;
    }

    /** The socket took {@code bytes} of what {@link #fill} offered, in a write started at {@code nowNs}. */
    void sent(int bytes, long nowNs) {
        int size = payload.sizeBytes();
        txBytes += bytes;
        while (bytes > 0) {
            if (txOffset == 0) {
                ring.sent(txSequence, nowNs);
                if (firstSendNs == Long.MIN_VALUE) {
                    firstSendNs = nowNs;
                }
                if (txSequence == ring.head()) {
                    // Nothing sent before it is unanswered: the wait for an echo starts with this message.
                    waitingSinceNs = nowNs;
                }
            }
            int taken = Math.min(bytes, size - txOffset);
            bytes -= taken;
            txOffset += taken;
            if (txOffset == size) {
                txSequence++;
                txOffset = 0;
            }
        }
    }

    /**
     * Checks {@code length} bytes read at {@code receivedNs}, found at the start of {@code rx}, and reports every
     * echo they complete.
     *
     * @return false when the server sent more bytes than were written to it: the stream is beyond repair
     */
    boolean received(MemorySegment rx, int length, long receivedNs) {
        rxBytes += length;
        if (rxBytes > txBytes) {
            errors.add(ErrorKind.MISMATCH, 1);
            return false;
        }
        int size = payload.sizeBytes();
        int position = 0;
        while (position < length) {
            long sequence = ring.head();
            int taken = Math.min(length - position, size - rxOffset);
            if (!rxCorrupt && !payload.matches(rx, position, id, sequence, rxOffset, rxOffset + taken)) {
                rxCorrupt = true;
            }
            position += taken;
            rxOffset += taken;
            if (rxOffset == size) {
                boolean intact = !rxCorrupt;
                long intendedNs = ring.intendedNs(sequence);
                long sentNs = ring.sentNs(sequence);
                ring.remove();
                rxOffset = 0;
                rxCorrupt = false;
                stopWaiting(receivedNs);
                if (sequence + 1 < txSequence || sequence + 1 == txSequence && txOffset > 0) {
                    // The next message was sent already: from now on it waits for its echo.
                    waitingSinceNs = receivedNs;
                }
                if (!intact) {
                    errors.add(ErrorKind.MISMATCH, 1);
                }
                events.echoed(this, intendedNs, sentNs, receivedNs, intact);
                // A slot is free: the skipped messages could have been sent now at the earliest.
                giveUpSkipped(receivedNs);
            }
        }
        return true;
    }
}
