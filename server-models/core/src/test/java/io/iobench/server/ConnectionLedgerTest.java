package io.iobench.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ConnectionLedgerTest {

    @Test
    void admitsUpToTheCapThenRefuses() {
        ConnectionLedger ledger = new ConnectionLedger(2);

        assertThat(ledger.admit()).isTrue();
        assertThat(ledger.admit()).isTrue();
        assertThat(ledger.admit()).isFalse();

        assertThat(ledger.open()).isEqualTo(2);
        assertThat(ledger.accepted()).isEqualTo(2);
        assertThat(ledger.refused()).isEqualTo(1);
    }

    @Test
    void closingAnAdmittedConnectionMakesRoomForAnother() {
        ConnectionLedger ledger = new ConnectionLedger(1);
        ledger.admit();
        assertThat(ledger.admit()).isFalse();

        ledger.closed();

        assertThat(ledger.open()).isZero();
        assertThat(ledger.admit()).isTrue();
        assertThat(ledger.accepted()).isEqualTo(2);
        assertThat(ledger.refused()).isEqualTo(1);
    }

    @Test
    void countsAcceptFailuresApartFromConnections() {
        ConnectionLedger ledger = new ConnectionLedger(10);

        ledger.acceptFailed();
        ledger.acceptFailed();

        assertThat(ledger.acceptFailures()).isEqualTo(2);
        assertThat(ledger.accepted()).isZero();
        assertThat(ledger.open()).isZero();
    }

    /* The launcher prints this on its STOPPED line, and sweeps parse it. */
    @Test
    void printsCountersAsKeyValuePairs() {
        ConnectionLedger ledger = new ConnectionLedger(1);
        ledger.admit();
        ledger.admit();
        ledger.acceptFailed();

        assertThat(ledger).hasToString("accepted=1 refused=1 accept_failures=1 open=1");
    }

    @Test
    @Timeout(60)
    void concurrentAdmitsNeverExceedTheCap() throws Exception {
        int cap = 100;
        int threads = 4;
        int attemptsPerThread = 20_000;
        ConnectionLedger ledger = new ConnectionLedger(cap);
        Callable<Integer> admitting = () -> {
            int admitted = 0;
            for (int i = 0; i < attemptsPerThread; i++) {
                if (ledger.admit()) {
                    admitted++;
                    if (ledger.open() > cap) {
                        throw new AssertionError("open " + ledger.open() + " above the cap " + cap);
                    }
                    if (i % 2 == 0) {
                        ledger.closed();
                        admitted--;
                    }
                }
            }
            return admitted;
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(admitting));
            }
            int stillOpen = 0;
            for (Future<Integer> result : results) {
                stillOpen += result.get();
            }
            assertThat(ledger.open()).isEqualTo(stillOpen).isLessThanOrEqualTo(cap);
            assertThat(ledger.accepted() + ledger.refused()).isEqualTo((long) threads * attemptsPerThread);
        } finally {
            pool.shutdownNow();
        }
    }
}
