package io.iobench.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class AcceptBackoffTest {

    @Test
    void doublesFromOneMillisecondToAHundred() {
        AcceptBackoff backoff = new AcceptBackoff();

        long[] delaysMs = LongStream.range(0, 10).map(i -> backoff.failed()).toArray();

        assertThat(delaysMs).containsExactly(1, 2, 4, 8, 16, 32, 64, 100, 100, 100);
    }

    @Test
    void startsOverAfterASuccessfulAccept() {
        AcceptBackoff backoff = new AcceptBackoff();
        backoff.failed();
        backoff.failed();
        backoff.failed();

        backoff.succeeded();

        assertThat(backoff.failed()).isEqualTo(AcceptBackoff.MIN_DELAY_MS);
    }

    @Test
    void pausesForTheDelay() {
        AcceptBackoff backoff = new AcceptBackoff();
        backoff.failed();
        backoff.failed();
        long startNs = System.nanoTime();

        assertThat(backoff.pauseAfterFailure()).isTrue();

        assertThat(System.nanoTime() - startNs).as("nanoseconds paused for a 4 ms delay").isGreaterThanOrEqualTo(4_000_000);
    }

    /* A closing server interrupts its acceptor; the pause must end and say so, keeping the interrupt. */
    @Test
    void stopsPausingWhenInterrupted() {
        AcceptBackoff backoff = new AcceptBackoff();
        Thread.currentThread().interrupt();
        try {
            assertThat(backoff.pauseAfterFailure()).isFalse();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
