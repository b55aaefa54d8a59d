/**
 * Reading what {@code iobench load} and {@code iobench sweep} wrote: a sweep directory ({@link
 * io.iobench.report.results.SweepReader}), its runs ({@link io.iobench.report.results.Run}, read from
 * {@code runs/<id>/result.json} with Jackson's tree model so that a missing or null field is a blank cell, never an
 * exception) and their percentile distributions ({@link io.iobench.report.results.HgrmReader}, the {@code .hgrm} text
 * HdrHistogram prints).
 *
 * <p>{@link io.iobench.report.results.Slice} is what one chart against active connections holds;
 * {@link io.iobench.report.results.IdleAxis} gathers the slices that differ only in idle connections.
 *
 * <p>Nothing here stops at a damaged file: an unreadable {@code result.json} or a truncated {@code .hgrm} becomes a
 * {@link io.iobench.report.results.Warning} naming the file, and the rest of the sweep is still read.
 */
package io.iobench.report.results;
