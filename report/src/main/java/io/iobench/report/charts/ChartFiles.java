package io.iobench.report.charts;

import io.iobench.report.document.Block;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes each chart twice into {@code charts/} beside the report: a PNG for Markdown, issues and slides, and an SVG
 * the HTML report inlines. Both come from the same XChart object, so they show the same thing.
 */
public final class ChartFiles {

    /** The directory, relative to the report, that holds the charts. */
    public static final String DIR = "charts";

    /** PNGs are drawn at twice the nominal size so their text stays sharp on high-density screens. */
    private static final int PNG_DPI = 144;

    private final Path chartsDir;

    /** @param reportDir the directory the report is written into */
    public ChartFiles(Path reportDir) {
        this.chartsDir = reportDir.resolve(DIR);
    }

    /**
     * @param name    file name without extension, such as {@code throughput-s64}
     * @param caption how to read the chart
     */
    public Block.Figure write(Chart<?, ?> chart, String name, String caption) throws IOException {
        Files.createDirectories(chartsDir);
        // saveBitmapWithDPI appends ".png" to the name it is given.
        BitmapEncoder.saveBitmapWithDPI(chart, chartsDir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG,
                PNG_DPI);
        try (OutputStream svg = Files.newOutputStream(chartsDir.resolve(name + ".svg"))) {
            VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        }
        return new Block.Figure(chart.getTitle(), DIR + "/" + name + ".png", DIR + "/" + name + ".svg", caption);
    }
}
