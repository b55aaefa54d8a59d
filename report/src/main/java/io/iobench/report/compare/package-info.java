/**
 * Two sweeps side by side, as users compare JDKs, kernels, hosts and tunings: {@link
 * io.iobench.report.compare.Comparison} pairs the points both measured (same model, connections, idle connections,
 * size, mode and rate) and {@link io.iobench.report.compare.CompareReport} shows each pair with the ratio B/A, and
 * lists the points only one side has. Over repetitions, {@link io.iobench.report.compare.Verdicts} judges each
 * figure of each pair: B's median over A's with its bootstrap interval, the U test's p, and improved, regressed or
 * no significant change, the interval deciding.
 */
package io.iobench.report.compare;
