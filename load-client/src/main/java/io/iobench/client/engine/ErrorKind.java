package io.iobench.client.engine;

/** What went wrong, counted in {@link ErrorCounts}; nothing the server does makes the engine throw. */
public enum ErrorKind {
    /** A connect was refused (ECONNREFUSED): nothing listened, or the listen backlog overflowed. */
    CONNECT_REFUSED,
    /** A connect did not complete within the connect time-out. */
    CONNECT_TIMEOUT,
    /** A connect failed otherwise (unreachable, out of descriptors or ports, ...). */
    CONNECT_OTHER,
    /** A connection was reset by the server (ECONNRESET or EPIPE). */
    RESET,
    /** Any other failure of an established connection, including the server closing it (end of stream). */
    IO,
    /** An echo differed from the message sent: one count per message. */
    MISMATCH,
    /** A message still unanswered when the run's drain time-out expired. */
    TIMEOUT,
    /**
     * An intended open-loop send that was skipped because its connection already had the maximum of messages
     * outstanding; the schedule carries on.
     */
    BACKLOG_OVERFLOW
}
