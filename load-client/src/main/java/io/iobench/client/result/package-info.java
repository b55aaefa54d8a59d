/**
 * The result of one load run as a file: {@link io.iobench.client.result.RunResult} is the {@code result.json}
 * schema ({@code iobench-run/1}), every field documented with its unit; {@link io.iobench.client.result.RunResultJson}
 * writes it atomically and reads it back, failing with a {@link io.iobench.client.result.ResultFormatException}
 * that names the file when it is truncated or corrupt.
 *
 * <p>A run directory holds {@code result.json}, {@code uncorrected.hgrm}, {@code corrected.hgrm} (open loop only)
 * and {@code latency.hlog}; see {@code io.iobench.client.record} for the histogram files.
 */
package io.iobench.client.result;
