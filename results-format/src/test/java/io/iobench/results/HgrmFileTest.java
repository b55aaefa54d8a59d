package io.iobench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .hgrm files: written as HdrHistogram prints a distribution, sealed by a golden file, and read back by a parser
 * that agrees with HdrHistogram and names what is wrong with other text.
 */
class HgrmFileTest {

    @TempDir
    Path temp;

    @Test
    void readsWhatHdrHistogramWritesInMicroseconds() throws IOException {
        Histogram histogram = LatencyHistograms.histogram();
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            histogram.recordValue(20 + (long) (random.nextDouble() * random.nextDouble() * 5000));
        }
        Path file = write(histogram);

        PercentileDistribution distribution = HgrmFile.read(file);

        assertThat(distribution.totalCount()).isEqualTo(50_000);
        assertThat(distribution.maxUs()).isCloseTo(histogram.getMaxValue(), within(1.0));
        assertThat(distribution.points()).hasSizeGreaterThan(50);
        for (PercentileDistribution.Point point : distribution.points()) {
            // Printed as milliseconds with three decimals: one microsecond of resolution.
            assertThat(point.valueUs()).as("at " + point.percentile())
                    .isCloseTo(histogram.getValueAtPercentile(point.percentile() * 100), within(1.0));
        }
        PercentileDistribution.Point last = distribution.points().getLast();
        assertThat(last.percentile()).isEqualTo(1.0);
        assertThat(last.inverseTail()).isInfinite();
        assertThat(distribution.points().get(1).inverseTail())
                .isCloseTo(1 / (1 - distribution.points().get(1).percentile()), within(0.01));
    }

    @Test
    void aFileCutShortIsTruncated() throws IOException {
        Histogram histogram = LatencyHistograms.histogram();
        histogram.recordValue(100);
        histogram.recordValue(200);
        Path file = write(histogram);
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, lines.size() - 1));

        assertThatThrownBy(() -> HgrmFile.read(file)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("truncated");
    }

    @Test
    void aMalformedLineIsNamedByNumber() throws IOException {
        Path file = Files.writeString(temp.resolve("bad.hgrm"), """
                       Value     Percentile TotalCount 1/(1-Percentile)

                       0.041 0.000000000000          1           1.00
                       0.05x 0.500000000000          2           2.00
                #[Mean    =        0.062, StdDeviation   =        0.031]
                #[Max     =        0.050, Total count    =            2]
                #[Buckets =           25, SubBuckets     =         2048]
                """);

        assertThatThrownBy(() -> HgrmFile.read(file)).hasMessageContaining("line 4");
    }

    @Test
    void textThatIsNoDistributionIsRejected() throws IOException {
        Path file = Files.writeString(temp.resolve("other.hgrm"), "hello\n#[Buckets = 1]\n");

        assertThatThrownBy(() -> HgrmFile.read(file)).hasMessageContaining("line 1: expected the 'Value Percentile");
    }

    @Test
    void aBinaryFileIsNamedByTheLineAndColumnOfItsFirstForeignByte() throws IOException {
        Path file = temp.resolve("garbage.hgrm");
        Files.write(file, new byte[] {'V', 'a', 'l', 'u', 'e', '\n', '0', '.', '1', (byte) 0x9f, ' ', '0', '\n'});

        assertThatThrownBy(() -> HgrmFile.read(file))
                .hasMessage("line 2: not text (byte 0x9f at column 4); not a percentile distribution");
    }

    @Test
    void aNegativeOrDecreasingValueIsNamedByLine() throws IOException {
        String valid = """
                       Value     Percentile TotalCount 1/(1-Percentile)

                       0.041 0.000000000000          1           1.00
                       0.050 0.500000000000          2           2.00
                #[Mean    =        0.062, StdDeviation   =        0.031]
                #[Max     =        0.050, Total count    =            2]
                #[Buckets =           25, SubBuckets     =         2048]
                """;
        Path negative = Files.writeString(temp.resolve("negative.hgrm"), valid.replace("0.050 0.5", "-0.05 0.5"));
        Path decreasing = Files.writeString(temp.resolve("decreasing.hgrm"), valid.replace("0.050 0.5", "0.040 0.5"));
        Path noMax = Files.writeString(temp.resolve("nan.hgrm"), valid.replace("=        0.050,", "=          NaN,"));

        assertThatThrownBy(() -> HgrmFile.read(negative)).hasMessage("line 4: value -0.05, must be a number >= 0");
        assertThatThrownBy(() -> HgrmFile.read(decreasing)).hasMessage("line 4: value 0.040 out of order");
        assertThatThrownBy(() -> HgrmFile.read(noMax)).hasMessage("line 6: Max NaN, must be a number >= 0");
    }

    @Test
    void writesTheDistributionInMillisecondsAsHdrHistogramPrintsIt() throws IOException {
        Histogram histogram = LatencyHistograms.histogram();
        for (long us = 10; us <= 100_000; us += us / 7 + 1) {
            histogram.recordValueWithCount(us, 1 + us % 5);
        }

        Golden.assertText("uncorrected.hgrm", Files.readString(write(histogram)));
    }

    private Path write(Histogram histogram) throws IOException {
        Path file = temp.resolve(RunFiles.UNCORRECTED_HGRM);
        HgrmFile.write(file, histogram);
        return file;
    }
}
