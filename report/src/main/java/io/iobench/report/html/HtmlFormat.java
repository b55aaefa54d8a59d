package io.iobench.report.html;

import io.iobench.report.document.Block;
import io.iobench.report.document.Document;
import io.iobench.report.document.DocumentFormat;
import io.iobench.report.document.Table;
import io.iobench.results.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * HTML for reading in a browser: a contents line, the header facts, the tables with failed and flagged rows tinted,
 * and each chart inlined as SVG with its caption and links to its PNG and SVG files.
 */
public final class HtmlFormat implements DocumentFormat {

    private static final String STYLESHEET = stylesheet();

    @Override
    public void write(Document document, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(document.title())).append("</title>\n")
                .append("<style>\n").append(STYLESHEET).append("</style>\n</head>\n<body>\n<header>\n")
                .append("<h1>").append(escape(document.title())).append("</h1>\n")
                .append("<p class=\"subtitle\">").append(escape(document.subtitle())).append("</p>\n");
        contents(document, html);
        html.append("</header>\n<main>\n");
        int figures = 0;
        for (Block block : document.blocks()) {
            switch (block) {
                case Block.Heading h -> html.append(String.format(Locale.ROOT, "<h%d id=\"%s\">%s</h%d>\n",
                        h.level(), escape(h.anchor()), escape(h.text()), h.level()));
                case Block.Paragraph p -> html.append("<p>").append(escape(p.text())).append("</p>\n");
                case Block.Facts f -> facts(f, html);
                case Block.Notices n -> notices(n, html);
                case Block.Figure f -> figure(f, dir, ++figures, html);
                case Block.TableBlock t -> table(t.table(), html);
            }
        }
        html.append("</main>\n<footer>Written by <code>iobench report</code>. Self-contained: the charts are inline"
                + " SVG; the same charts are in <code>charts/</code> as PNG and SVG files.</footer>\n")
                .append("</body>\n</html>\n");
        AtomicFile.writeText(file, html);
    }

    private static void contents(Document document, StringBuilder html) {
        StringBuilder links = new StringBuilder();
        for (Block block : document.blocks()) {
            if (block instanceof Block.Heading h && h.level() == 2) {
                links.append("<a href=\"#").append(escape(h.anchor())).append("\">").append(escape(h.text()))
                        .append("</a>\n");
            }
        }
        if (!links.isEmpty()) {
            html.append("<nav>\n").append(links).append("</nav>\n");
        }
    }

    private static void facts(Block.Facts facts, StringBuilder html) {
        html.append("<dl class=\"facts\">\n");
        for (Block.Fact fact : facts.facts()) {
            html.append("<dt>").append(escape(fact.label())).append("</dt><dd>")
                    .append(fact.code() ? "<code>" + escape(fact.value()) + "</code>" : escape(fact.value()))
                    .append("</dd>\n");
        }
        html.append("</dl>\n");
    }

    private static void notices(Block.Notices notices, StringBuilder html) {
        html.append("<section class=\"notices\" role=\"alert\">\n<h2>").append(escape(notices.title()))
                .append("</h2>\n<ul>\n");
        notices.lines().forEach(line -> html.append("<li>").append(escape(line)).append("</li>\n"));
        html.append("</ul>\n</section>\n");
    }

    private static void figure(Block.Figure figure, Path dir, int number, StringBuilder html) throws IOException {
        String svg = InlineSvg.of(Files.readString(dir.resolve(figure.svgPath()), StandardCharsets.UTF_8),
                "f" + number + "-", figure.title());
        html.append("<figure>\n").append(svg).append("\n<figcaption>").append(escape(figure.caption()))
                .append(" <span class=\"files\"><a href=\"").append(escape(figure.pngPath())).append("\">PNG</a> · ")
                .append("<a href=\"").append(escape(figure.svgPath())).append("\">SVG</a></span></figcaption>\n")
                .append("</figure>\n");
    }

    private static void table(Table table, StringBuilder html) {
        html.append("<div class=\"table\"><table>\n<thead><tr>");
        for (Table.Column column : table.columns()) {
            html.append(column.numeric() ? "<th class=\"num\">" : "<th>").append(escape(column.header()))
                    .append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (Table.Row row : table.rows()) {
            html.append(row.tone() == Table.Tone.NORMAL ? "<tr>" : "<tr class=\"" + tone(row.tone()) + "\">");
            for (int i = 0; i < row.cells().size(); i++) {
                Table.Cell cell = row.cells().get(i);
                String classes = (table.columns().get(i).numeric() ? "num " : "")
                        + (cell.tone() == Table.Tone.NORMAL ? "" : tone(cell.tone()));
                html.append(classes.isBlank() ? "<td>" : "<td class=\"" + classes.trim() + "\">")
                        .append(escape(cell.text())).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table></div>\n");
    }

    private static String tone(Table.Tone tone) {
        return tone.name().toLowerCase(Locale.ROOT);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String stylesheet() {
        try (InputStream css = HtmlFormat.class.getResourceAsStream("report.css")) {
            if (css == null) {
                throw new IllegalStateException("report.css is missing from the class path");
            }
            return new String(css.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
