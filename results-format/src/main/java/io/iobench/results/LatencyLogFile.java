package io.iobench.results;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The interval log of a run ({@code latency.hlog}): one histogram per tag per second of the measured window, values
 * in microseconds, readable by HdrHistogram's {@code HistogramLogReader}, {@code HistogramLogProcessor} (pass
 * {@code -outputValueUnitRatio 1000} to print milliseconds) and HistogramLogAnalyzer. Times in the log are seconds
 * since the start of the measured window.
 *
 * <p>The load client appends to it as it runs, one interval a second, so a killed run keeps the seconds it had;
 * {@link #read} gives back each tag's intervals, and {@link Intervals#total} their sum, added, never averaged.
 */
public final class LatencyLogFile implements AutoCloseable {

    /** Tag of latency from the actual send time. */
    public static final String UNCORRECTED = "uncorrected";
    /** Tag of latency from the intended send time (open loop). */
    public static final String CORRECTED = "corrected";

    private final Path file;
    private final PrintStream out;
    private final HistogramLogWriter writer;

    private LatencyLogFile(Path file, PrintStream out) {
        this.file = file;
        this.out = out;
        this.writer = new HistogramLogWriter(out);
    }

    /** Creates {@code file} and writes the log's header; {@code startEpochMs} is the start of the window. */
    public static LatencyLogFile create(Path file, long startEpochMs) throws IOException {
        OutputStream stream = Files.newOutputStream(file);
        LatencyLogFile log = new LatencyLogFile(file, new PrintStream(stream, false, StandardCharsets.US_ASCII));
        log.writer.outputComment("iobench load: echo latency in microseconds, tags " + UNCORRECTED + " and "
                + CORRECTED);
        log.writer.outputLogFormatVersion();
        log.writer.outputStartTime(startEpochMs);
        log.writer.setBaseTime(startEpochMs);
        log.writer.outputLegend();
        return log;
    }

    /** Appends one interval histogram (microseconds, start and end time stamps set) under {@code tag}. */
    public void interval(Histogram histogramUs, String tag) {
        histogramUs.setTag(tag);
        writer.outputIntervalHistogram(histogramUs);
    }

    @Override
    public void close() throws IOException {
        out.flush();
        boolean failed = out.checkError();
        out.close();
        if (failed) {
            throw new IOException("could not write " + file);
        }
    }

    /**
     * A log as read back.
     *
     * @param startEpochMs the start of the measured window, ms since the epoch
     * @param intervals    each tag's interval histograms in the order written, start and end time stamps in epoch
     *                     milliseconds
     */
    public record Intervals(long startEpochMs, Map<String, List<Histogram>> intervals) {

        public Intervals {
            intervals = Map.copyOf(intervals);
        }

        /** Every interval of {@code tag} added into one histogram; empty when the tag has none. */
        public Histogram total(String tag) {
            Histogram total = LatencyHistograms.histogram();
            intervals.getOrDefault(tag, List.of()).forEach(total::add);
            return total;
        }
    }

    /**
     * Reads a log written by {@link #create}.
     *
     * @throws IOException when the file cannot be read or holds something other than histograms
     */
    public static Intervals read(Path file) throws IOException {
        Map<String, List<Histogram>> byTag = new LinkedHashMap<>();
        HistogramLogReader reader = new HistogramLogReader(file.toFile());
        try {
            for (EncodableHistogram next; (next = reader.nextIntervalHistogram()) != null; ) {
                if (!(next instanceof Histogram histogram)) {
                    throw new IOException(file + ": holds a " + next.getClass().getSimpleName()
                            + ", not the integer histograms iobench writes");
                }
                byTag.computeIfAbsent(histogram.getTag() == null ? UNCORRECTED : histogram.getTag(),
                        tag -> new ArrayList<>()).add(histogram);
            }
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a readable interval log (" + e.getMessage() + ")", e);
        } finally {
            reader.close();
        }
        return new Intervals((long) (reader.getStartTimeSec() * 1000), byTag);
    }
}
