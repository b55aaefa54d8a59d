package io.iobench.results;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Writes and reads a run's {@code .hgrm} files: the text {@code Histogram.outputPercentileDistribution(out, 1000.0)}
 * prints, values recorded in microseconds and printed in milliseconds, as wrk2 and the HdrHistogram plotter expect.
 *
 * <pre>
 *        Value     Percentile TotalCount 1/(1-Percentile)
 *
 *        0.041 0.000000000000          1           1.00
 *        ...
 *        2.507 1.000000000000      20000
 * #[Mean    =        0.062, StdDeviation   =        0.031]
 * #[Max     =        2.507, Total count    =        20000]
 * #[Buckets =           25, SubBuckets     =         2048]
 * </pre>
 *
 * The report's percentile plot reads these files rather than rebuilding histograms from {@code latency.hlog}: they
 * already hold the whole measured window, summed by the writer with the same histogram; they are plain text a reader
 * can check; and a file cut short is recognisable, because HdrHistogram always ends it with the {@code #[Buckets}
 * line.
 */
public final class HgrmFile {

    /** The printed values are milliseconds of a microsecond histogram; the report works in microseconds. */
    private static final double US_PER_PRINTED_UNIT = 1000.0;

    private HgrmFile() {
    }

    /** Writes the distribution of {@code histogramUs}, a histogram of microseconds, to {@code file} atomically. */
    public static void write(Path file, Histogram histogramUs) throws IOException {
        AtomicFile.write(file, out -> {
            PrintStream text = new PrintStream(out, false, StandardCharsets.US_ASCII);
            histogramUs.outputPercentileDistribution(text, US_PER_PRINTED_UNIT);
            text.flush();
            if (text.checkError()) {
                throw new IOException("the print stream failed");
            }
        });
    }

    /**
     * @throws IOException when the file cannot be read, is not text, is cut short, or is not a percentile
     *                     distribution (a line that is not one, a negative or NaN value, percentiles out of order);
     *                     the message says which and on what line, for a warning that names the file
     */
    public static PercentileDistribution read(Path file) throws IOException {
        List<String> lines = textLines(file);
        int header = header(lines);
        if (lines.stream().noneMatch(line -> line.startsWith("#[Buckets"))) {
            throw new IOException("truncated: " + lines.size() + " lines and no closing '#[Buckets' line");
        }
        List<PercentileDistribution.Point> points = new ArrayList<>();
        double maxUs = Double.NaN;
        long totalCount = -1;
        for (int i = header + 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.startsWith("#[Max")) {
                maxUs = footerNumber(line, "Max", i) * US_PER_PRINTED_UNIT;
                totalCount = (long) footerNumber(line, "Total count", i);
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                points.add(point(line, i, points.isEmpty() ? null : points.getLast()));
            }
        }
        if (points.isEmpty() || Double.isNaN(maxUs)) {
            throw new IOException("no percentile lines or no '#[Max' line");
        }
        return new PercentileDistribution(points, maxUs, totalCount);
    }

    /**
     * The file's lines, each byte a character, so that a file of something else (a binary, another encoding) is
     * named by the line and column of its first byte HdrHistogram never prints, rather than by a decoder's "Input
     * length = 1".
     */
    private static List<String> textLines(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            for (int column = 0; column < line.length(); column++) {
                char c = line.charAt(column);
                if (c > '~' || (c < ' ' && c != '\t')) {
                    throw new IOException(String.format(Locale.ROOT,
                            "line %d: not text (byte 0x%02x at column %d); not a percentile distribution", i + 1,
                            (int) c, column + 1));
                }
            }
        }
        return lines;
    }

    /** The index of the {@code Value Percentile TotalCount} line, after any {@code #} lines and blank ones. */
    private static int header(List<String> lines) throws IOException {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue; // HistogramLogProcessor heads its distribution with the span it covers
            }
            if (!line.startsWith("Value") || !line.contains("Percentile")) {
                throw new IOException("line " + (i + 1) + ": expected the 'Value Percentile TotalCount' header");
            }
            return i;
        }
        throw new IOException("empty: no 'Value Percentile TotalCount' header");
    }

    private static PercentileDistribution.Point point(String line, int index, PercentileDistribution.Point previous)
            throws IOException {
        String[] columns = line.split("\\s+");
        if (columns.length < 3 || columns.length > 4) {
            throw new IOException("line " + (index + 1) + ": expected 3 or 4 columns, got '" + line + "'");
        }
        PercentileDistribution.Point point;
        try {
            point = new PercentileDistribution.Point(
                    Double.parseDouble(columns[0]) * US_PER_PRINTED_UNIT, Double.parseDouble(columns[1]),
                    Long.parseLong(columns[2]),
                    columns.length == 4 ? Double.parseDouble(columns[3]) : Double.POSITIVE_INFINITY);
        } catch (NumberFormatException e) {
            throw new IOException("line " + (index + 1) + ": not a number in '" + line + "'");
        }
        // HdrHistogram prints every column non-decreasing: a line that goes back was not printed by it.
        if (!(point.valueUs() >= 0) || Double.isInfinite(point.valueUs())) {
            throw new IOException("line " + (index + 1) + ": value " + columns[0] + ", must be a number >= 0");
        }
        if (previous != null && point.valueUs() < previous.valueUs()) {
            throw new IOException("line " + (index + 1) + ": value " + columns[0] + " out of order");
        }
        if (!(point.percentile() >= 0 && point.percentile() <= 1)
                || (previous != null && point.percentile() < previous.percentile())) {
            throw new IOException("line " + (index + 1) + ": percentile " + columns[1] + " out of order");
        }
        if (point.totalCount() < 0 || (previous != null && point.totalCount() < previous.totalCount())) {
            throw new IOException("line " + (index + 1) + ": count " + columns[2] + " out of order");
        }
        return point;
    }

    /** Reads {@code name = number} out of a footer line such as {@code #[Max = 2.507, Total count = 20000]}. */
    private static double footerNumber(String line, String name, int index) throws IOException {
        int at = line.indexOf(name);
        int equals = line.indexOf('=', at);
        if (at < 0 || equals < 0) {
            throw new IOException("line " + (index + 1) + ": no '" + name + " =' in '" + line + "'");
        }
        int end = equals + 1;
        while (end < line.length() && ",]".indexOf(line.charAt(end)) < 0) {
            end++;
        }
        try {
            double number = Double.parseDouble(line.substring(equals + 1, end).trim());
            if (!(number >= 0) || Double.isInfinite(number)) {
                throw new IOException("line " + (index + 1) + ": " + name + " " + number + ", must be a number >= 0");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IOException("line " + (index + 1) + ": no number after '" + name + " =' in '" + line + "'");
        }
    }
}
