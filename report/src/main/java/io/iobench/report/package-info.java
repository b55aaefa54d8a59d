/**
 * {@code iobench report}: turns a sweep directory into {@code report.html} (one self-contained page, charts inline
 * as SVG), {@code report.md} (tables and PNG charts, for issues and READMEs) and {@code charts/*.png|svg}; and
 * compares two sweeps with {@code --compare}. {@link io.iobench.report.ReportCommand} is the entry point.
 *
 * <p>The packages follow the flow: {@code results} reads what the load client wrote, {@code charts} draws,
 * {@code sweep}, {@code compare} and {@code jmh} lay out what to say as a {@code document}, and {@code html} and
 * {@code markdown} print it.
 */
package io.iobench.report;
