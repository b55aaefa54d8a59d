package io.iobench.results;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The interval log of a run ({@code latency.hlog}): one histogram per kind per second of the measured window, values
 * in microseconds, readable by HdrHistogram's {@code HistogramLogReader}, {@code HistogramLogProcessor} and
 * HistogramLogAnalyzer. Times in the log are seconds since the start of the measured window. The run's primary
 * latency (corrected in an open loop, uncorrected in a closed one) is untagged, as HistogramLogProcessor reads by
 * default; the open loop's uncorrected latency is tagged {@value #UNCORRECTED}:
 * <pre>
 * java -cp HdrHistogram-2.2.2.jar org.HdrHistogram.HistogramLogProcessor -i latency.hlog -o latency -outputValueUnitRatio 1000
 * java -cp HdrHistogram-2.2.2.jar org.HdrHistogram.HistogramLogProcessor -i latency.hlog -o uncorrected -tag uncorrected -outputValueUnitRatio 1000
 * </pre>
 * (the values are microseconds: a ratio of 1000 prints milliseconds; the tool's default of 1,000,000 assumes
 * nanoseconds).
 *
 * <p>The last interval is not a second of the window: it starts where the window ends and holds the echoes of the
 * messages still in flight then, and any given up at their lower bound, up to the moment the last one came back or
 * the client stopped waiting (2 s at most); its length is in the log, tens of milliseconds in a run that drained.
 *
 * <p>The load client appends to it as it runs, one interval a second, so a killed run keeps the seconds it had;
 * {@link #read} gives back each tag's intervals, and {@link Intervals#total} their sum, added, never averaged.
 */
public final class LatencyLogFile implements AutoCloseable {

    /** Latency from the actual send time: untagged in a closed loop, tagged so in an open one. */
    public static final String UNCORRECTED = "uncorrected";
    /** Latency from the intended send time (open loop): untagged, the log's primary histogram. */
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
        log.writer.outputComment("iobench load: echo latency in microseconds; untagged: corrected in an open loop,"
                + " uncorrected in a closed one; tagged " + UNCORRECTED + ": uncorrected in an open loop");
        log.writer.outputLogFormatVersion();
        log.writer.outputStartTime(startEpochMs);
        log.writer.setBaseTime(startEpochMs);
        log.writer.outputLegend();
        return log;
    }

    /**
     * Appends one interval (microseconds, start and end time stamps set): the corrected histogram untagged and the
     * uncorrected one tagged in an open loop, the uncorrected one untagged in a closed loop.
     *
     * @param correctedUs the interval's corrected latency, or null in a closed loop
     */
    public void interval(Histogram uncorrectedUs, Histogram correctedUs) {
        if (correctedUs == null) {
            uncorrectedUs.setTag(null);
            writer.outputIntervalHistogram(uncorrectedUs);
            return;
        }
        correctedUs.setTag(null);
        writer.outputIntervalHistogram(correctedUs);
        uncorrectedUs.setTag(UNCORRECTED);
        writer.outputIntervalHistogram(uncorrectedUs);
    }

    /**
     * Writes the logs of several clients that measured the same window as one log, their intervals ordered by start
     * time and each tag kept, so that the merged log's {@link Intervals#total} is the sum of theirs and
     * HistogramLogProcessor reads it as it reads one client's. Each log's times are first moved onto one clock by
     * its offset (its host's clock minus the reference clock), so that the intervals line up as they ran.
     *
     * @param offsetsMs per log, its host's clock offset in ms (0 on one host)
     */
    public static void merge(List<Intervals> logs, List<Long> offsetsMs, Path file) throws IOException {
        if (logs.isEmpty() || logs.size() != offsetsMs.size()) {
            throw new IllegalArgumentException("one offset per log, and at least one log");
        }
        record Entry(String tag, Histogram histogram) {
        }
        List<Entry> entries = new ArrayList<>();
        long startEpochMs = Long.MAX_VALUE;
        boolean open = false;
        for (int i = 0; i < logs.size(); i++) {
            long offsetMs = offsetsMs.get(i);
            startEpochMs = Math.min(startEpochMs, logs.get(i).startEpochMs() - offsetMs);
            for (Map.Entry<String, List<Histogram>> tag : logs.get(i).intervals().entrySet()) {
                open |= tag.getKey().equals(CORRECTED);
                for (Histogram interval : tag.getValue()) {
                    Histogram moved = interval.copy();
                    moved.setStartTimeStamp(interval.getStartTimeStamp() - offsetMs);
                    moved.setEndTimeStamp(interval.getEndTimeStamp() - offsetMs);
                    entries.add(new Entry(tag.getKey(), moved));
                }
            }
        }
        // Within a start time the primary (untagged) histogram first, as one client's log has it.
        entries.sort(Comparator.comparingLong((Entry e) -> e.histogram().getStartTimeStamp())
                .thenComparing(e -> e.tag().equals(UNCORRECTED)));
        try (LatencyLogFile log = create(file, startEpochMs)) {
            for (Entry entry : entries) {
                boolean primary = open ? entry.tag().equals(CORRECTED) : entry.tag().equals(UNCORRECTED);
                entry.histogram().setTag(primary ? null : entry.tag());
                log.writer.outputIntervalHistogram(entry.histogram());
            }
        }
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
        List<Histogram> untagged = new ArrayList<>();
        HistogramLogReader reader = new HistogramLogReader(file.toFile());
        try {
            for (EncodableHistogram next; (next = reader.nextIntervalHistogram()) != null; ) {
                if (!(next instanceof Histogram histogram)) {
                    throw new IOException(file + ": holds a " + next.getClass().getSimpleName()
                            + ", not the integer histograms iobench writes");
                }
                if (histogram.getTag() == null) {
                    untagged.add(histogram);
                } else {
                    byTag.computeIfAbsent(histogram.getTag(), tag -> new ArrayList<>()).add(histogram);
                }
            }
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a readable interval log (" + e.getMessage() + ")", e);
        } finally {
            reader.close();
        }
        if (!untagged.isEmpty()) {
            // The untagged histogram is the corrected one beside a tagged uncorrected one, else the uncorrected.
            byTag.put(byTag.containsKey(UNCORRECTED) ? CORRECTED : UNCORRECTED, untagged);
        }
        return new Intervals((long) (reader.getStartTimeSec() * 1000), byTag);
    }
}
