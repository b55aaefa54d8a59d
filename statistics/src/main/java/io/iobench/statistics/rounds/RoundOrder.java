package io.iobench.statistics.rounds;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The order in which a sweep visits its points, round by round: every round visits every point once, in an order
 * shuffled afresh for each round (Fisher-Yates, from one recorded seed). Repetitions of a point are thereby spread
 * over the whole sweep, so a drift of the host (a neighbour starting, a thermal limit) or a noisy stretch lands
 * on all models alike instead of on whichever ran while it lasted; and the order no longer puts one model's points
 * side by side. Where a round would open with the point the previous one closed with, its first point changes
 * places with another of that round, so that no point runs twice in a row.
 *
 * <p>The same points, rounds and seed always give the same order, so a sweep's plan can be recorded as its seed.
 *
 * <pre>
 * RoundOrder&lt;String&gt; order = RoundOrder.shuffled(List.of("selector/10", "selector/100", "poll/10"), 5, seed);
 * for (List&lt;String&gt; round : order.rounds()) {
 *     round.forEach(sweep::run);
 * }
 * </pre>
 *
 * @param <T> a point's key, such as model × connections × size; keys are told apart by {@code equals}
 */
public final class RoundOrder<T> {

    private final List<List<T>> rounds;
    private final long seed;

    private RoundOrder(List<List<T>> rounds, long seed) {
        this.rounds = rounds;
        this.seed = seed;
    }

    /**
     * @param points the points, each once, in any order (their order only matters as the shuffle's starting point)
     * @param rounds how many rounds, at least one: the repetitions each point will have
     * @param seed   seeds the shuffles, to be recorded with the sweep
     * @return each round's visiting order
     */
    public static <T> RoundOrder<T> shuffled(List<T> points, int rounds, long seed) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no points to visit");
        }
        if (new HashSet<>(points).size() != points.size()) {
            throw new IllegalArgumentException("a point is listed twice: " + points);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("at least one round, not " + rounds);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<List<T>> order = new ArrayList<>(rounds);
        for (int r = 0; r < rounds; r++) {
            List<T> round = new ArrayList<>(points);
            shuffle(round, random);
            if (r > 0 && round.size() > 1 && round.getFirst().equals(order.get(r - 1).getLast())) {
                // Any other point of the round differs from the one just run, keys being distinct.
                swap(round, 0, 1 + random.nextInt(round.size() - 1));
            }
            order.add(List.copyOf(round));
        }
        return new RoundOrder<>(List.copyOf(order), seed);
    }

    private static <T> void shuffle(List<T> round, SplittableRandom random) {
        for (int i = round.size() - 1; i > 0; i--) {
            swap(round, i, random.nextInt(i + 1));
        }
    }

    private static <T> void swap(List<T> list, int i, int j) {
        T held = list.get(i);
        list.set(i, list.get(j));
        list.set(j, held);
    }

    /** @return every round's visiting order, first round first; unmodifiable */
    public List<List<T>> rounds() {
        return rounds;
    }

    /**
     * @param index 0 for the first round
     * @return that round's visiting order; unmodifiable
     */
    public List<T> round(int index) {
        return rounds.get(index);
    }

    /** @return every visit of the sweep in the order they happen, round after round; unmodifiable */
    public List<T> visits() {
        return rounds.stream().flatMap(List::stream).toList();
    }

    /** @return the seed the shuffles came from */
    public long seed() {
        return seed;
    }
}
