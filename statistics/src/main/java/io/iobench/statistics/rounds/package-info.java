/**
 * The interleaved, shuffled order of a sweep's points. A sweep that ran each point's repetitions back to back
 * would give a drift of the host, or a neighbour's noisy minute, to whichever model happened to be running; a
 * sweep of rounds, each visiting every point once in its own shuffled order, spreads it over all of them, so that
 * it shows as spread in every model's repetitions rather than as a difference between models.
 * {@link io.iobench.statistics.rounds.RoundOrder} makes the order from a seed the sweep records.
 *
 * <pre>
 * RoundOrder&lt;Point&gt; order = RoundOrder.shuffled(points, repetitions, seed);
 * order.visits();   // every point once per round, rounds one after another, no point twice in a row
 * </pre>
 */
package io.iobench.statistics.rounds;
