/**
 * The sweep runner: {@code iobench sweep} measures every model x connection count x size, each point with its
 * server in its own JVM ({@link io.iobench.sweep.ServerProcess}) and its client in another
 * ({@code iobench load}), pinned to disjoint CPUs ({@link io.iobench.sweep.CpuPinning}).
 *
 * <p>A sweep writes one new directory, {@code results/<timestamp>-<label>/}, and replaces each of its files
 * atomically: {@code manifest.json} (the plan, the environment, the status: running, complete or interrupted, and
 * every run with its failure reason), {@code summary.csv} (a row per run) and {@code runs/<id>/} (the run's
 * {@code result.json}, {@code .hgrm}, {@code .hlog}, {@code server.log} and {@code client.log}). A run whose server
 * would not start, died or hung is kept and marked failed with the reason; an interrupted point is dropped and the
 * manifest says the sweep was interrupted.
 */
package io.iobench.sweep;
