package io.iobench.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.client.load.ClosedLoop;
import io.iobench.client.testserver.TestEchoServer;
import io.iobench.client.testserver.TestEchoServer.Fault;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Servers that damage the echo in each way are caught; a correct one never is. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VerificationTest {

    /** Runs two messages in flight on one connection for a moment and returns the mismatches counted. */
    private static long mismatches(Fault fault, int size) throws Exception {
        try (TestEchoServer server = TestEchoServer.start(fault, size);
             Engine engine = Engine.open(EngineOptions.of(server.address(), 1, size))) {
            try (Run run = engine.start(new ClosedLoop(2), (i, s, r) -> { },
                    new RunWindow(System.nanoTime(), System.nanoTime() + 300_000_000L, 200_000_000L))) {
                assertThat(run.await(Duration.ofSeconds(30))).isTrue();
            }
            return engine.errors().get(ErrorKind.MISMATCH);
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @CsvSource({"1", "7", "64", "70000"})
    void countsNoMismatchWhenTheEchoIsCorrect(int size) throws Exception {
        assertThat(mismatches(Fault.NONE, size)).isZero();
    }

    @ParameterizedTest(name = "{0} bytes")
    @CsvSource({"1", "7", "64", "70000"})
    void countsMismatchWhenAByteIsFlipped(int size) throws Exception {
        assertThat(mismatches(Fault.FLIP_BYTE, size)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} bytes")
    @CsvSource({"1", "7", "64", "70000"})
    void countsMismatchWhenAByteIsDropped(int size) throws Exception {
        assertThat(mismatches(Fault.DROP_BYTE, size)).isPositive();
    }

    @ParameterizedTest(name = "{0} bytes")
    @CsvSource({"1", "7", "64", "70000"})
    void countsMismatchWhenMessagesAreReordered(int size) throws Exception {
        assertThat(mismatches(Fault.REORDER, size)).isEqualTo(2);
    }
}
