/**
 * The capacity search: the highest open-loop rate a server carries within a latency objective. An
 * {@link io.iobench.sweep.capacity.Objective} ({@code p99=1ms}) judges each probe
 * ({@link io.iobench.sweep.capacity.Verdict}); a {@link io.iobench.sweep.capacity.CapacitySearch} chooses the rates
 * (a geometric ramp, a bisection to a precision, the found rate repeated, {@link
 * io.iobench.sweep.capacity.SearchSettings}) and asks a {@link io.iobench.sweep.capacity.ProbeRunner} for each probe;
 * the {@link io.iobench.sweep.capacity.SearchResult} becomes a point of {@code capacity.json}. Nothing here starts a
 * process: {@code io.iobench.sweep.CapacitySweep} runs the probes against a server it keeps for the search.
 */
package io.iobench.sweep.capacity;
