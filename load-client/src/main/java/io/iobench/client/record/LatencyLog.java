package io.iobench.client.record;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The interval log of a run ({@code latency.hlog}): one histogram per tag per second of the measured window,
 * values in microseconds, readable by HdrHistogram's {@code HistogramLogReader}, {@code HistogramLogProcessor}
 * (pass {@code -outputValueUnitRatio 1000} to print milliseconds) and HistogramLogAnalyzer. Times in the log are
 * seconds since the start of the measured window.
 */
public final class LatencyLog implements AutoCloseable {

    /** Tag of latency from the actual send time. */
    public static final String UNCORRECTED = "uncorrected";
    /** Tag of latency from the intended send time (open loop). */
    public static final String CORRECTED = "corrected";

    private final PrintStream out;
    private final HistogramLogWriter writer;

    /** Creates {@code file} and writes the log's header; {@code startEpochMs} is the start of the window. */
    public LatencyLog(Path file, long startEpochMs) throws IOException {
        OutputStream stream = Files.newOutputStream(file);
        this.out = new PrintStream(stream, false, StandardCharsets.US_ASCII);
        this.writer = new HistogramLogWriter(out);
        writer.outputComment("iobench load: echo latency in microseconds, tags " + UNCORRECTED + " and "
                + CORRECTED);
        writer.outputLogFormatVersion();
        writer.outputStartTime(startEpochMs);
        writer.setBaseTime(startEpochMs);
        writer.outputLegend();
    }

    /** Appends one interval histogram under {@code tag}. */
    public void interval(Histogram histogram, String tag) {
        histogram.setTag(tag);
        writer.outputIntervalHistogram(histogram);
    }

    /**
     * Writes {@code histogram}'s percentile distribution (a {@code .hgrm} file), values printed in milliseconds as
     * wrk2 and the HdrHistogram plotter expect: the histogram holds microseconds, so the scaling ratio is 1000.
     */
    public static void writeDistribution(Path file, Histogram histogram) throws IOException {
        try (PrintStream stream = new PrintStream(Files.newOutputStream(file), false,
                StandardCharsets.US_ASCII)) {
            histogram.outputPercentileDistribution(stream, 1000.0);
            if (stream.checkError()) {
                throw new IOException("could not write " + file);
            }
        }
    }

    @Override
    public void close() throws IOException {
        out.flush();
        boolean failed = out.checkError();
        out.close();
        if (failed) {
            throw new IOException("could not write the latency log");
        }
    }
}
