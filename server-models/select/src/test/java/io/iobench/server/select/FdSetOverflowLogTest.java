package io.iobench.server.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FdSetOverflowLogTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private long nowNs = 1_000_000_000L;
    private final FdSetOverflowLog log = new FdSetOverflowLog(err, () -> nowNs);

    @Test
    void saysWhyOnTheFirstOverflowAtOnce() {
        log.overflowed(1031);

        assertThat(lines()).singleElement().asString()
                .contains("descriptor 1031", "FD_SETSIZE=1024", "fdset_overflows=1");
        assertThat(log.overflows()).isEqualTo(1);
    }

    @Test
    void reportsAFloodAtMostOnceASecondAndTheRestAtFlush() {
        for (int i = 0; i < 10_000; i++) {
            log.overflowed(1024 + i % 100);
            nowNs += 50_000; // 10,000 within half a second
        }
        assertThat(lines()).hasSize(1);

        nowNs += FdSetOverflowLog.REPORT_INTERVAL_NS;
        log.overflowed(1024);
        assertThat(lines()).hasSize(2).last().asString().contains("fdset_overflows=10001", "+10000");

        log.overflowed(1025);
        log.overflowed(1026);
        log.flush();
        assertThat(lines()).hasSize(3).last().asString().contains("fdset_overflows=10003", "+2");
        assertThat(log.overflows()).isEqualTo(10_003);
    }

    @Test
    void flushSaysNothingWhenEverythingWasReported() {
        log.flush();
        assertThat(lines()).isEmpty();

        log.overflowed(2000);
        log.flush();
        assertThat(lines()).hasSize(1);
    }

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
