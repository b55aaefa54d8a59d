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
 *
 * <p>Points repeat in rounds ({@link io.iobench.sweep.Repetitions}): each round visits every point once, in an
 * order shuffled for it from a recorded seed, each repetition with fresh processes
 * ({@link io.iobench.sweep.FreshProcesses}). A repetition the {@link io.iobench.sweep.NoiseGate} finds noisy (CPU
 * steal, client_bound) is kept, marked and run once more at the end of its round; {@code --until-ci} adds rounds
 * until a point's median msgs/s is pinned down ({@link io.iobench.sweep.IntervalTarget}).
 */
package io.iobench.sweep;
