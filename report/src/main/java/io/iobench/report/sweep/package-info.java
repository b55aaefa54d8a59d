/**
 * The report of one sweep: {@link io.iobench.report.sweep.SweepReport} lays out the headline
 * ({@link io.iobench.report.sweep.Headline}: the fastest and cheapest model at each connection count, and which
 * others are not distinguishable from them, when points have 3 repetitions or more; otherwise one sentence saying
 * so), the header (what ran, where, and whether it finished), the warnings, the table of points with each figure's
 * median and interval when points ran more than once ({@link io.iobench.report.sweep.PointTable}), the table of
 * every run, where the server and each load client ran when clients on other hosts carried the load
 * ({@link io.iobench.report.sweep.HostsSection}: a row per client of every run, beside the merged one), what idle
 * connections cost when the sweep ran several idle counts, the charts of each slice and any JMH results, as a
 * {@link io.iobench.report.document.Document} that the HTML and Markdown formats print.
 */
package io.iobench.report.sweep;
