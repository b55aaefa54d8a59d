/**
 * Prints a {@link io.iobench.report.document.Document} as one self-contained HTML file: the charts' SVG inline, the
 * stylesheet inline, no script, and nothing fetched from the network, so the page opens from disk, from an archive
 * or from a mail attachment exactly as it was written.
 */
package io.iobench.report.html;
