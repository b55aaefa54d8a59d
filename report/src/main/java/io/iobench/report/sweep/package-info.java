/**
 * The report of one sweep: {@link io.iobench.report.sweep.SweepReport} lays out the header (what ran, where, and
 * whether it finished), the warnings, the table of every run, what idle connections cost when the sweep ran several
 * idle counts, the charts of each slice and any JMH results, as a
 * {@link io.iobench.report.document.Document} that the HTML and Markdown formats print.
 */
package io.iobench.report.sweep;
