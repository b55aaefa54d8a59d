/**
 * Every file iobench writes for others to read, and the only code that writes or reads each:
 * <ul>
 *   <li>{@code result.json}, one run: {@link io.iobench.results.RunResult}, written and read by
 *       {@link io.iobench.results.RunResultFile};</li>
 *   <li>the file of {@code iobench probe}, a server measured on its own host for clients elsewhere:
 *       {@link io.iobench.results.ProbeResult}, written and read by {@link io.iobench.results.ProbeResultFile},
 *       its figures reduced to a run's by {@link io.iobench.results.ServerWindowFigures};</li>
 *   <li>{@code uncorrected.hgrm} and {@code corrected.hgrm}, percentile distributions in milliseconds:
 *       {@link io.iobench.results.HgrmFile};</li>
 *   <li>{@code latency.hlog}, the interval log in microseconds: {@link io.iobench.results.LatencyLogFile};</li>
 *   <li>{@code manifest.json}, a sweep: {@link io.iobench.results.SweepManifest};</li>
 *   <li>{@code summary.csv}, a row per run: {@link io.iobench.results.SummaryCsv};</li>
 *   <li>{@code points.json} and {@code points.csv}, a row per point with the medians and intervals of its
 *       repetitions: {@link io.iobench.results.PointsFile}, from {@link io.iobench.results.PointStatistics};</li>
 *   <li>the sweep directory that holds them: written by {@link io.iobench.results.SweepDirectory}, read by
 *       {@link io.iobench.results.SweepReader} into a {@link io.iobench.results.StoredSweep}.</li>
 * </ul>
 *
 * <p>The rules, as HdrHistogram keeps them for its logs: a field's name, unit and meaning never change; new fields
 * and columns are added (at the end, for the CSV); a reader ignores fields it does not know and reads a missing one
 * as null, so files from older and newer writers still read; a value that is there must fit its field and be one a
 * run can produce (no string or null where a number belongs, no NaN, no negative count, rate, time or percentile,
 * no percentiles that decrease); a damaged file, or one breaking these rules, is a warning naming the file and the
 * field, never the end of a report. Every field is documented once, in the javadoc of the record that holds it;
 * {@code SCHEMA.md} at the root of this module is generated from that javadoc, and golden files under
 * {@code src/test/resources/golden} fail a test when a name, a unit or a column moves.
 */
package io.iobench.results;
