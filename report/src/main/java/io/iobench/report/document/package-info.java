/**
 * What a report says, apart from how it is printed: a {@link io.iobench.report.document.Document} of headings,
 * paragraphs, facts, tables and figures. The sweep report and the comparison build one; {@code html} and
 * {@code markdown} each print any document, so the two files always carry the same tables and the same words.
 */
package io.iobench.report.document;
