package io.iobench.report.document;

import java.util.ArrayList;
import java.util.List;

/**
 * A report before it is printed: a title, a subtitle line, and blocks in reading order.
 *
 * <pre>
 * Document doc = new Document("iobench sweep baseline", "complete, 9 runs");
 * doc.heading(2, "Throughput", "throughput").paragraph("Higher is better.");
 * </pre>
 */
public final class Document {

    private final String title;
    private final String subtitle;
    private final List<Block> blocks = new ArrayList<>();

    public Document(String title, String subtitle) {
        this.title = title;
        this.subtitle = subtitle;
    }

    public String title() {
        return title;
    }

    public String subtitle() {
        return subtitle;
    }

    public List<Block> blocks() {
        return List.copyOf(blocks);
    }

    public Document add(Block block) {
        blocks.add(block);
        return this;
    }

    public Document heading(int level, String text, String anchor) {
        return add(new Block.Heading(level, text, anchor));
    }

    public Document paragraph(String text) {
        return add(new Block.Paragraph(text));
    }

    public Document table(Table table) {
        return add(new Block.TableBlock(table));
    }
}
