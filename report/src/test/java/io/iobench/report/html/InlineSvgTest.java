package io.iobench.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InlineSvgTest {

    private static final String SVG = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <svg xmlns:xlink="http://www.w3.org/1999/xlink" height="460px" version="1.1" viewBox="0 0 820 460" \
            width="820px" x="0px" y="0px" xmlns="http://www.w3.org/2000/svg">
              <defs><clipPath id="clip42"><rect height="1" width="1" x="0" y="0"/></clipPath></defs>
              <g style="clip-path:url(#clip42);"><rect height="3" width="4" x="1" y="2"/></g>
            </svg>
            """;

    @Test
    void dropsThePrologAndTheFixedSizeAndPrefixesIds() {
        String inline = InlineSvg.of(SVG, "f3-", "p99 <latency> & \"more\"");

        assertThat(inline).startsWith("<svg ").doesNotContain("<?xml", "<!DOCTYPE", "width=\"820px\"",
                "height=\"460px\"", "x=\"0px\"");
        assertThat(inline).contains("viewBox=\"0 0 820 460\"", "id=\"f3-clip42\"", "url(#f3-clip42)",
                "aria-label=\"p99 &lt;latency&gt; &amp; &quot;more&quot;\"");
        // Only the root's size goes: shapes inside keep theirs.
        assertThat(inline).contains("<rect height=\"3\" width=\"4\" x=\"1\" y=\"2\"/>");
    }
}
