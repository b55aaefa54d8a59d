package io.iobench.report.document;

import java.util.List;
import java.util.Objects;

/** One piece of a {@link Document}, in reading order. */
public sealed interface Block {

    /**
     * A section title. Level 2 headings make the table of contents.
     *
     * @param level  2 for a section, 3 for a subsection
     * @param text   the title
     * @param anchor a fragment id unique in the document
     */
    record Heading(int level, String text, String anchor) implements Block {
    }

    /** Plain text; the formats escape it. */
    record Paragraph(String text) implements Block {
    }

    /** Labelled values, such as the environment; a value may be long (a command line) and is shown as code. */
    record Facts(List<Fact> facts) implements Block {
        public Facts {
            facts = List.copyOf(facts);
        }
    }

    /**
     * @param label what the value is
     * @param value the value as text
     * @param code  whether to print it as code (commands, options)
     */
    record Fact(String label, String value, boolean code) {
    }

    /** Files that could not be used, each naming the file and why; shown prominently, before anything else. */
    record Notices(String title, List<String> lines) implements Block {
        public Notices {
            lines = List.copyOf(lines);
        }
    }

    /**
     * A chart written as {@code charts/NAME.png} and {@code charts/NAME.svg} beside the report.
     *
     * @param title   shown above the chart
     * @param pngPath relative to the report, for Markdown
     * @param svgPath relative to the report, inlined by HTML
     * @param caption how to read it, and what its markers mean
     */
    record Figure(String title, String pngPath, String svgPath, String caption) implements Block {
        public Figure {
            Objects.requireNonNull(pngPath, "pngPath");
            Objects.requireNonNull(svgPath, "svgPath");
        }
    }

    /** A table; see {@link Table}. */
    record TableBlock(Table table) implements Block {
    }
}
