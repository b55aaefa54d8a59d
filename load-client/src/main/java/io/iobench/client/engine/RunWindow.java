package io.iobench.client.engine;

import java.time.Duration;

/**
 * When a run sends and how long it waits for the last echoes.
 *
 * @param startNs        when load begins
 * @param stopSendingNs  when the last message may be admitted; the run then only waits for echoes
 * @param drainTimeoutNs how long after {@code stopSendingNs} to wait for outstanding echoes; those still missing
 *                       then count as {@link ErrorKind#TIMEOUT}
 */
public record RunWindow(long startNs, long stopSendingNs, long drainTimeoutNs) {

    /** How long a run waits for its last echoes by default: long enough for any healthy server. */
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(2);

    public RunWindow {
        if (stopSendingNs < startNs || drainTimeoutNs < 0) {
            throw new IllegalArgumentException("a run window needs start <= stop and a drain time-out >= 0");
        }
    }

    /** Load from {@code startNs} for {@code duration}, then {@link #DEFAULT_DRAIN_TIMEOUT} to drain. */
    public static RunWindow of(long startNs, Duration duration) {
        return new RunWindow(startNs, startNs + duration.toNanos(), DEFAULT_DRAIN_TIMEOUT.toNanos());
    }
}
