package io.iobench.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class GoSignalTest {

    @Test
    void releasesOnGoLineOnly() throws InterruptedException {
        GoSignal go = new GoSignal();
        StopRequests stop = new StopRequests();
        go.accept("hello");
        assertThat(go.await(Duration.ofMillis(100), stop)).contains("no GO line");
        go.accept("GO");
        assertThat(go.await(Duration.ofSeconds(5), stop)).isNull();
    }

    @Test
    void aStopRequestEndsTheWait() throws InterruptedException {
        StopRequests stop = new StopRequests();
        stop.request(StopCause.STDIN_CLOSED);
        assertThat(new GoSignal().await(Duration.ofSeconds(5), stop)).startsWith("stopped by");
    }

    @Test
    void releasedLineCarriesTheClockWithMicroseconds() {
        assertThat(GoSignal.releasedLine()).matches("GO clock_ms=\\d+\\.\\d{3}");
    }
}
