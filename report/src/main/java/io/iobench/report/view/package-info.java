/**
 * The stored results as the report sees them: a sweep ({@link io.iobench.report.view.SweepView}) wraps what
 * {@link io.iobench.results.SweepReader} read, in report order; each run ({@link io.iobench.report.view.RunView})
 * wraps its {@link io.iobench.results.RunResult}, whose figures {@link io.iobench.report.view.Metric}s name with
 * their units, and says how far they can be trusted ({@link io.iobench.report.view.RunStatus}).
 *
 * <p>{@link io.iobench.report.view.Slice} is what one chart against active connections holds;
 * {@link io.iobench.report.view.IdleAxis} gathers the slices that differ only in idle connections;
 * {@link io.iobench.report.view.NumberText} is how every number reads.
 */
package io.iobench.report.view;
