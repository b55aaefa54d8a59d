/**
 * Two sweeps side by side, as users compare JDKs, kernels, hosts and tunings: {@link
 * io.iobench.report.compare.Comparison} pairs the points both measured (same model, connections, idle connections,
 * size, mode and rate) and {@link io.iobench.report.compare.CompareReport} shows each pair with the ratio B/A, and
 * lists the points only one side has.
 */
package io.iobench.report.compare;
