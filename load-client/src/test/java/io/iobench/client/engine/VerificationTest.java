package io.iobench.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.client.load.ClosedLoop;
import io.iobench.client.testserver.TestEchoServer;
import io.iobench.client.testserver.TestEchoServer.Fault;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Servers that damage the echo in each way are caught; a correct one never is. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VerificationTest {

    /** Runs two messages in flight on one connection for a moment and returns the mismatches counted. */
    private static long mismatches(Fault fault, int size, ClientIo io) throws Exception {
        try (TestEchoServer server = TestEchoServer.start(fault, size);
             Engine engine = Engine.open(EngineOptions.of(server.address(), 1, size).withIo(io))) {
            try (Run run = engine.start(new ClosedLoop(2), (i, s, r) -> { },
                    new RunWindow(System.nanoTime(), System.nanoTime() + 300_000_000L, 200_000_000L))) {
                assertThat(run.await(Duration.ofSeconds(30))).isTrue();
            }
            return engine.errors().get(ErrorKind.MISMATCH);
        }
    }

    /** Sizes below the 8-byte sequence number, below the 16-byte header, usual, and past one read, on each IO. */
    static Stream<Arguments> sizesAndIos() {
        return Stream.of(ClientIo.values())
                .flatMap(io -> IntStream.of(1, 7, 64, 70_000).mapToObj(size -> Arguments.of(size, io)));
    }

    @ParameterizedTest(name = "{0} bytes, {1}")
    @MethodSource("sizesAndIos")
    void countsNoMismatchWhenTheEchoIsCorrect(int size, ClientIo io) throws Exception {
        assertThat(mismatches(Fault.NONE, size, io)).isZero();
    }

    @ParameterizedTest(name = "{0} bytes, {1}")
    @MethodSource("sizesAndIos")
    void countsMismatchWhenAByteIsFlipped(int size, ClientIo io) throws Exception {
        assertThat(mismatches(Fault.FLIP_BYTE, size, io)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} bytes, {1}")
    @MethodSource("sizesAndIos")
    void countsMismatchWhenAByteIsDropped(int size, ClientIo io) throws Exception {
        assertThat(mismatches(Fault.DROP_BYTE, size, io)).isPositive();
    }

    @ParameterizedTest(name = "{0} bytes, {1}")
    @MethodSource("sizesAndIos")
    void countsMismatchWhenMessagesAreReordered(int size, ClientIo io) throws Exception {
        assertThat(mismatches(Fault.REORDER, size, io)).isEqualTo(2);
    }
}
