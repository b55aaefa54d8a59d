/**
 * Prints a {@link io.iobench.report.document.Document} as GitHub Markdown, to paste into an issue or a README:
 * pipe tables, and the charts as PNG images by their path relative to the report ({@code charts/NAME.png}).
 */
package io.iobench.report.markdown;
