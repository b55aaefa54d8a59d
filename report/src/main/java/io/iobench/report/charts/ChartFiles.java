package io.iobench.report.charts;

import io.iobench.report.document.Block;
import io.iobench.results.AtomicFile;
import io.iobench.results.Warnings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes each chart twice into {@code charts/} beside the report: a PNG for Markdown, issues and slides, and an SVG
 * the HTML report inlines. Both come from the same XChart object, so they show the same thing.
 *
 * <p>One chart never costs the whole report: a chart XChart cannot build or draw (it throws on inputs it did not
 * foresee) becomes a warning naming the chart and the reason, and a sentence in the report where the chart would
 * have been. Only a file that cannot be written stops the report, since then no report can be written either. Each
 * file is written through {@link AtomicFile}: a chart is the old one or the new one, never half of one.
 */
public final class ChartFiles {

    /** The directory, relative to the report, that holds the charts. */
    public static final String DIR = "charts";

    /** PNGs are drawn at twice the nominal size so their text stays sharp on high-density screens. */
    private static final int PNG_DPI = 144;

    private final Path chartsDir;
    private final Warnings warnings;

    /**
     * @param reportDir the directory the report is written into
     * @param warnings  receives the charts that could not be drawn
     */
    public ChartFiles(Path reportDir, Warnings warnings) {
        this.chartsDir = reportDir.resolve(DIR);
        this.warnings = warnings;
    }

    /**
     * Builds and draws a chart.
     *
     * @param title   the chart's title, for the sentence that stands in for it when there is nothing to draw
     * @param chart   builds the chart; returns null when there is no data to draw
     * @param name    file name without extension, such as {@code throughput-s64}
     * @param caption how to read the chart
     * @return the figure; or a paragraph saying why there is none, after a warning when drawing failed
     */
    public Block write(String title, Supplier<? extends Chart<?, ?>> chart, String name, String caption)
            throws IOException {
        Files.createDirectories(chartsDir);
        Path png = chartsDir.resolve(name + ".png");
        Path svg = chartsDir.resolve(name + ".svg");
        try {
            Chart<?, ?> drawn = chart.get();
            if (drawn == null) {
                return new Block.Paragraph(title + ": no run measured this, so there is no chart.");
            }
            // saveBitmapWithDPI writes only to a file it names; the temporary file's name ends in ".png", as it needs.
            AtomicFile.writeNamed(png, temp -> BitmapEncoder.saveBitmapWithDPI(drawn, temp.toString(),
                    BitmapEncoder.BitmapFormat.PNG, PNG_DPI));
            AtomicFile.write(svg, out -> VectorGraphicsEncoder.saveVectorGraphic(drawn, out,
                    VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
        } catch (RuntimeException e) {
            // Half a chart (a PNG without its SVG) would be inlined by nothing and linked from nowhere.
            Files.deleteIfExists(png);
            Files.deleteIfExists(svg);
            String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            warnings.add(png, "could not be drawn (" + reason + "); left out of the report");
            return new Block.Paragraph(title + ": the chart could not be drawn (" + reason
                    + "); the warnings at the top name it.");
        }
        return new Block.Figure(title, DIR + "/" + png.getFileName(), DIR + "/" + svg.getFileName(), caption);
    }
}
