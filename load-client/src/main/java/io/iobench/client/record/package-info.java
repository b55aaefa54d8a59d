/**
 * Recording latency the HdrHistogram way: IO threads record every echo into {@link org.HdrHistogram.Recorder}s
 * ({@link io.iobench.client.record.RunRecorder}); one reporter thread takes interval histograms each second
 * ({@link io.iobench.client.record.IntervalReporter}), writes them to the run's interval log
 * ({@link io.iobench.results.LatencyLogFile}, {@code latency.hlog}) and prints a progress line.
 *
 * <p>Units: histograms hold microseconds, from 1 µs to 60 s with 3 significant digits ({@link io.iobench.results.LatencyHistograms}). Percentile files
 * ({@code .hgrm}) print milliseconds (scaling ratio 1000), the wrk2 convention the HdrHistogram plotter reads.
 * Two latencies: <em>uncorrected</em>, from the moment a message was actually written, and <em>corrected</em>,
 * from the moment an open-loop schedule intended it to be sent, which includes any time it waited behind a
 * stalled server (coordinated omission, as wrk2 corrects it).
 */
package io.iobench.client.record;
