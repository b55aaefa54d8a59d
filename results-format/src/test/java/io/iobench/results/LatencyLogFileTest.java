package io.iobench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** latency.hlog: HdrHistogram's interval log, sealed by a golden file, read back interval by interval. */
class LatencyLogFileTest {

    /** 2026-11-27T02:40:00Z, the start of the measured window. */
    private static final long START_EPOCH_MS = 1_764_211_200_000L;

    @TempDir
    Path dir;

    @Test
    void writesOneHistogramPerTagPerSecondAsHdrHistogramLogsThem() throws IOException {
        Path file = writeThreeSeconds();

        // The start line also prints the time in the JVM's zone: a golden file cannot hold that part.
        String text = Files.readString(file).replaceAll("(#\\[StartTime: [0-9.]+ \\(seconds since epoch\\)), .*]",
                "$1, <local time>]");
        Golden.assertText("latency.hlog", text);
    }

    @Test
    void readsBackEveryIntervalOfEveryTagAndAddsThemUp() throws IOException {
        LatencyLogFile.Intervals read = LatencyLogFile.read(writeThreeSeconds());

        assertThat(read.startEpochMs()).isEqualTo(START_EPOCH_MS);
        assertThat(read.intervals().keySet())
                .containsExactlyInAnyOrder(LatencyLogFile.UNCORRECTED, LatencyLogFile.CORRECTED);
        List<Histogram> uncorrected = read.intervals().get(LatencyLogFile.UNCORRECTED);
        assertThat(uncorrected).hasSize(3);
        assertThat(uncorrected.get(1).getStartTimeStamp()).isEqualTo(START_EPOCH_MS + 1000);
        assertThat(uncorrected.get(1).getEndTimeStamp()).isEqualTo(START_EPOCH_MS + 2000);
        assertThat(uncorrected.get(2).getMaxValue()).isEqualTo(interval(2, 0).getMaxValue());

        Histogram total = read.total(LatencyLogFile.UNCORRECTED);
        assertThat(total.getTotalCount()).isEqualTo(3 * 1000);
        assertThat(total.getMaxValue()).isEqualTo(interval(2, 0).getMaxValue());
        assertThat(read.total("no-such-tag").getTotalCount()).isZero();
    }

    /* HdrHistogram's own HistogramLogProcessor reads untagged intervals by default: every tagged line used to make it
       fail with a NullPointerException. */
    @Test
    void hdrHistogramsOwnLogProcessorReadsItAsItIs() throws Exception {
        Path file = writeThreeSeconds();
        Path out = dir.resolve("processed");

        HistogramLogProcessor processor = new HistogramLogProcessor(new String[] {"-i", file.toString(), "-o",
                out.toString(), "-outputValueUnitRatio", "1000"});
        processor.start();
        processor.join();

        String distribution = Files.readString(Path.of(out + ".hgrm"));
        // The untagged histogram of an open loop is the corrected one: 40 µs behind schedule, printed in ms.
        assertThat(distribution).contains("Total count    =         3000");
        assertThat(HgrmFile.read(Path.of(out + ".hgrm")).maxUs())
                .isCloseTo(interval(2, 40).getMaxValue(), org.assertj.core.api.Assertions.within(1.0));
    }

    @Test
    void saysWhenAFileIsNoIntervalLog() throws IOException {
        Path file = Files.writeString(dir.resolve(RunFiles.HLOG), "0.000,1.000,2.5,not-base64-at-all\n");

        assertThatThrownBy(() -> LatencyLogFile.read(file)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": not a readable interval log");
    }

    private Path writeThreeSeconds() throws IOException {
        Path file = dir.resolve(RunFiles.HLOG);
        try (LatencyLogFile log = LatencyLogFile.create(file, START_EPOCH_MS)) {
            for (int second = 0; second < 3; second++) {
                log.interval(interval(second, 0), interval(second, 40));
            }
        }
        return file;
    }

    /** A second of made-up latencies: 1,000 values, slower each second, plus {@code waitUs} behind schedule. */
    private static Histogram interval(int second, int waitUs) {
        Histogram histogram = LatencyHistograms.histogram();
        for (int i = 0; i < 1000; i++) {
            histogram.recordValue(50 + i % 97 + second * 10L + waitUs);
        }
        histogram.setStartTimeStamp(START_EPOCH_MS + second * 1000L);
        histogram.setEndTimeStamp(START_EPOCH_MS + (second + 1) * 1000L);
        return histogram;
    }
}
