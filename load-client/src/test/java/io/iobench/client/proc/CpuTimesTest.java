package io.iobench.client.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuTimesTest {

    private static CpuTimes stat(long steal0, long idle0, long steal1, long idle1) {
        return CpuTimes.parse(List.of(
                "cpu  2000 0 1000 " + (idle0 + idle1) + " 0 0 0 " + (steal0 + steal1) + " 0 0",
                "cpu0 1000 0 500 " + idle0 + " 0 0 0 " + steal0 + " 0 0",
                "cpu1 1000 0 500 " + idle1 + " 0 0 0 " + steal1 + " 0 0",
                "intr 123 0 0",
                "ctxt 456",
                "cpu_weird 1 2 3"));
    }

    @Test
    void countsOnlyTheStealOfTheCpusAsked() {
        // CPU 0: 100 ticks pass, 10 stolen; CPU 1: 100 ticks pass, none stolen.
        CpuTimes before = stat(0, 500, 0, 500);
        CpuTimes after = stat(10, 590, 0, 600);

        assertThat(before.stealPercent(after, "0")).isCloseTo(10.0, within(1e-9));
        assertThat(before.stealPercent(after, "1")).isCloseTo(0.0, within(1e-9));
        assertThat(before.stealPercent(after, "0-1")).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void hasNoFigureForCpusItNeverSaw() {
        CpuTimes before = stat(0, 500, 0, 500);
        assertThat(before.stealPercent(stat(10, 590, 0, 600), "7")).isNull();
        assertThat(before.stealPercent(before, "0")).as("no tick passed").isNull();
    }

    @Test
    void readsThisMachine() throws Exception {
        CpuTimes before = CpuTimes.read();
        long untilNs = System.nanoTime() + 50_000_000L;
        while (System.nanoTime() < untilNs) {
            Thread.onSpinWait();
        }
        Double percent = before.stealPercent(CpuTimes.read(), ProcessInfo.self().cpusAllowed());
        assertThat(percent).isNotNull().isBetween(0.0, 100.0);
    }
}
