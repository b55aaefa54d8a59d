package io.iobench.report.markdown;

import io.iobench.report.document.Block;
import io.iobench.report.document.Document;
import io.iobench.report.document.DocumentFormat;
import io.iobench.report.document.Table;
import io.iobench.results.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * GitHub-flavoured Markdown. Tones cannot be coloured here, so they are carried by words the table already holds
 * ({@code FAILED: reason}, {@code client_bound}); failed rows additionally get their model in bold so they stand out
 * when scanning.
 */
public final class MarkdownFormat implements DocumentFormat {

    @Override
    public void write(Document document, Path file) throws IOException {
        StringBuilder md = new StringBuilder(32 * 1024);
        md.append("# ").append(inline(document.title())).append("\n\n")
                .append('_').append(inline(document.subtitle())).append("_\n\n");
        for (Block block : document.blocks()) {
            switch (block) {
                case Block.Heading h -> md.append("#".repeat(h.level())).append(' ').append(inline(h.text()))
                        .append("\n\n");
                case Block.Paragraph p -> md.append(inline(p.text())).append("\n\n");
                case Block.Facts f -> facts(f, md);
                case Block.Notices n -> notices(n, md);
                case Block.Figure f -> md.append("![").append(inline(f.title())).append("](").append(f.pngPath())
                        .append(")\n\n").append(inline(f.caption())).append("\n\n");
                case Block.TableBlock t -> table(t.table(), md);
            }
        }
        AtomicFile.writeText(file, md);
    }

    private static void facts(Block.Facts facts, StringBuilder md) {
        for (Block.Fact fact : facts.facts()) {
            md.append("- **").append(inline(fact.label())).append(":** ")
                    .append(fact.code() ? code(fact.value()) : inline(fact.value())).append('\n');
        }
        md.append('\n');
    }

    private static void notices(Block.Notices notices, StringBuilder md) {
        md.append("> [!WARNING]\n> **").append(inline(notices.title())).append("**\n");
        for (String line : notices.lines()) {
            md.append("> - ").append(inline(line)).append('\n');
        }
        md.append('\n');
    }

    private static void table(Table table, StringBuilder md) {
        List<Table.Column> columns = table.columns();
        md.append('|');
        columns.forEach(column -> md.append(' ').append(cell(column.header())).append(" |"));
        md.append("\n|");
        columns.forEach(column -> md.append(column.numeric() ? " ---: |" : " --- |"));
        md.append('\n');
        for (Table.Row row : table.rows()) {
            md.append('|');
            for (int i = 0; i < row.cells().size(); i++) {
                String text = cell(row.cells().get(i).text());
                boolean strong = i == 0 && row.tone() == Table.Tone.FAILED && !text.isEmpty();
                md.append(' ').append(strong ? "**" + text + "**" : text).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    /** A table cell: pipes would end the cell and newlines the row. */
    private static String cell(String text) {
        return inline(text).replace("|", "\\|").replace('\n', ' ');
    }

    /** Running text: angle brackets would be taken for HTML, and stars and backticks for emphasis and code. */
    private static String inline(String text) {
        return text.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;").replace("*", "\\*")
                .replace("`", "\\`");
    }

    private static String code(String text) {
        String fence = text.contains("`") ? "`` " : "`";
        return fence + text + (fence.length() > 1 ? " ``" : "`");
    }
}
