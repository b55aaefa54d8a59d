package io.iobench.client.engine;

/**
 * A connection as a load model sees it: a place to put messages. The engine writes admitted messages as soon as
 * the socket takes them, in order, and times each from the moment it was intended to be sent.
 */
public interface Outbox {

    /** @return the connection's number, 0 to connections - 1, the same for the whole engine */
    int id();

    /**
     * Admits one message for sending.
     *
     * @param intendedNs when the load model meant it to be sent ({@link System#nanoTime()} time base); latency
     *                   corrected for coordinated omission is measured from here
     * @return false when the connection already has as many messages outstanding as the load model allows: the
     *         message is not sent and counted as {@link ErrorKind#BACKLOG_OVERFLOW}
     */
    boolean admit(long intendedNs);
}
