package io.iobench.client.engine;

/**
 * Sees when an IO thread did not run, from the lateness of its own turns. Each turn says when the thread is due back:
 * at once after a turn that only polls, at its wake-up time after one that waits (never more than
 * {@link IoLoop#HEARTBEAT_NS} ahead, so that a thread waiting for echoes that never come is still due back soon). A
 * turn that begins {@link EchoSink#STRETCH_NOTED_NS} or more after that was held up: the process was stopped
 * (SIGSTOP, a debugger), another thread or process had its CPU, or one turn ran that long. Reported to the
 * {@link EchoSink} as {@link EchoSink#ioThreadStalled}. The kernel's schedstat cannot tell a stopped thread from one
 * idle in its wait; the thread's own clock can.
 *
 * <p>Used by its IO thread only; costs a subtraction and a comparison per turn.
 */
final class GapTracker {

    private static final long NOT_DUE = Long.MIN_VALUE;

    private final EchoSink sink;
    private long dueBackNs = NOT_DUE;

    GapTracker(EchoSink sink) {
        this.sink = sink;
    }

    /** A turn begins at {@code nowNs}: a gap since the thread was due back is reported. It is due back at once. */
    void turnBegins(long nowNs) {
        if (dueBackNs != NOT_DUE && nowNs - dueBackNs >= EchoSink.STRETCH_NOTED_NS) {
            sink.ioThreadStalled(dueBackNs, nowNs);
        }
        dueBackNs = nowNs;
    }

    /** The turn waits, to be woken at {@code wakeAtNs} at the latest: the thread is due back then. */
    void waitsUntil(long wakeAtNs) {
        dueBackNs = Math.max(dueBackNs, wakeAtNs);
    }
}
