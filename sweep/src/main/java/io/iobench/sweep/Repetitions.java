package io.iobench.sweep;

/**
 * How many times a sweep runs each point, and the seed of the order it runs them in. Every repetition is a fresh
 * server JVM and a fresh client JVM; repetitions run in rounds, each round visiting every point once in an order
 * shuffled for it from {@link #seed} ({@link io.iobench.statistics.rounds.RoundOrder}), so that a drift of the host
 * lands on every model alike.
 *
 * <p>With {@link #untilCiPct} (netperf's {@code -I}), the first {@link #repeat} rounds visit every point and later
 * rounds only the points whose median msgs/s is not yet pinned down to within that many percent by its 95%
 * interval ({@link IntervalTarget}), up to {@link #maxRepeat} rounds.
 *
 * @param repeat     rounds every point runs in, at least 1 ({@code --repeat})
 * @param untilCiPct {@code --until-ci}: the half-width, percent of the median, that a point's 95% interval of its
 *                   median msgs/s must come within; null to run exactly {@code repeat} rounds
 * @param maxRepeat  the most rounds a point runs in ({@code --max-repeat}); {@code repeat} without
 *                   {@code untilCiPct}
 * @param seed       seeds every round's shuffle ({@code --seed}), recorded in the manifest
 * @param rerunNoisy whether a run the {@link NoiseGate} marks noisy runs once more at the end of its round; false
 *                   with {@code --no-rerun}
 */
public record Repetitions(int repeat, Double untilCiPct, int maxRepeat, long seed, boolean rerunNoisy) {

    /** Separates a point's id from its repetition's number in a run's id: {@code selector-c100-s64-rep2}. */
    static final String ID_SUFFIX = "-rep";

    public Repetitions {
        if (repeat < 1) {
            throw new IllegalArgumentException("at least one repetition, not " + repeat);
        }
        if (untilCiPct == null && maxRepeat != repeat) {
            throw new IllegalArgumentException("max repeat " + maxRepeat + " without an interval to reach");
        }
        if (maxRepeat < repeat) {
            throw new IllegalArgumentException("max repeat " + maxRepeat + " under repeat " + repeat);
        }
        if (untilCiPct != null && !(untilCiPct > 0 && untilCiPct < 100)) {
            throw new IllegalArgumentException("until-ci " + untilCiPct + "% outside (0, 100)");
        }
    }

    /** Each point once: a run's id is its point's, as before repetitions. */
    public static Repetitions once(long seed) {
        return new Repetitions(1, null, 1, seed, true);
    }

    /** Exactly {@code repeat} rounds. */
    public static Repetitions exactly(int repeat, long seed) {
        return new Repetitions(repeat, null, repeat, seed, true);
    }

    /** These repetitions, a noisy run re-run or not. */
    public Repetitions rerunningNoisy(boolean rerun) {
        return new Repetitions(repeat, untilCiPct, maxRepeat, seed, rerun);
    }

    /** The most rounds the sweep can run: what {@link io.iobench.statistics.rounds.RoundOrder} is asked for. */
    int rounds() {
        return maxRepeat;
    }

    /**
     * The id of repetition {@code number} (from 1) of {@code point}: the point's own id for the one run of a sweep
     * that runs each point once, else {@code <point>-rep<number>}. A sweep of single runs that re-runs a noisy one
     * names the re-run {@code <point>-rep2}.
     */
    String runId(SweepPoint point, int number) {
        return maxRepeat == 1 && number == 1 ? point.id() : point.id() + ID_SUFFIX + number;
    }
}
