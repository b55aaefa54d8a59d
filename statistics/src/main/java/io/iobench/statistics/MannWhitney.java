package io.iobench.statistics;

import java.util.stream.DoubleStream;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * The two-sided Mann-Whitney U test of whether the repetitions of A and of B come from one distribution.
 *
 * <p>For up to {@link #EXACT_UP_TO_REPETITIONS} repetitions in all, the p-value is exact: the distribution of A's
 * rank sum over every way of choosing which of the pooled repetitions are A's, counted by the standard recurrence
 * (each repetition in turn is A's or not) rather than by listing the choices. Tied values take their mean rank, so
 * the distribution is the one conditional on the ties observed, and the test stays exact with ties. Beyond that
 * size the p-value is commons-math3's normal approximation (no tie correction, so conservative with ties). The
 * approximation is not used for small samples because it is wrong there: for 3 against 3 it gives 0.0495 where the
 * exact smallest p is 0.1.
 *
 * <p>Two-sided p = min(1, 2·min(P(U ≤ u), P(U ≥ u))), as scipy's {@code mannwhitneyu} computes it.
 *
 * <p>Few repetitions cannot reach significance however far apart they are: with n per side and no ties the
 * smallest two-sided p is 2 / C(2n, n), 0.1 for three per side. {@link #smallestPossibleP()} says what a test of
 * these sizes could reach, so a report can say so instead of printing a p that could never have been small.
 *
 * <pre>
 * MannWhitney u = MannWhitney.test(Sample.of(1, 2, 3), Sample.of(4, 5, 6));
 * u.pTwoSided();           // 0.1: as far apart as three and three can be
 * u.smallestPossibleP();   // 0.1
 * </pre>
 *
 * @param u                 U of A: the number of pairs of an A and a B repetition in which A's value is the larger,
 *                          a tie counting half (scipy's {@code statistic}); 0 to m·n, m·n/2 when the sets do not
 *                          differ
 * @param pTwoSided         the two-sided p-value
 * @param smallestPossibleP the smallest two-sided p any data of these sizes (and, when exact, these ties) could
 *                          give
 * @param method            how the p-value was found
 */
public record MannWhitney(double u, double pTwoSided, double smallestPossibleP, MannWhitney.Method method) {

    /** The most repetitions, A's and B's together, for which the exact distribution is computed. */
    public static final int EXACT_UP_TO_REPETITIONS = 100;

    /** How the p-value was found. */
    public enum Method {
        /** Exact, from the permutation distribution of the rank sum (conditional on the ties observed). */
        EXACT("exact"),
        /** commons-math3's normal approximation, without continuity or tie correction. */
        NORMAL_APPROXIMATION("normal approximation");

        private final String description;

        Method(String description) {
            this.description = description;
        }

        /** @return a word or two naming the method, for a report's footnote */
        public String description() {
            return description;
        }
    }

    /**
     * @param a one set's repetitions
     * @param b the other's
     * @return the two-sided test, exact for up to {@link #EXACT_UP_TO_REPETITIONS} repetitions in all
     */
    public static MannWhitney test(Sample a, Sample b) {
        double[] pooled = DoubleStream.concat(DoubleStream.of(a.values()), DoubleStream.of(b.values())).toArray();
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(pooled);
        int m = a.size();
        int n = b.size();
        // Mean ranks of ties are whole or half: doubled, every rank and rank sum is a whole number.
        int[] doubledRanks = new int[ranks.length];
        long aDoubledRankSum = 0;
        for (int i = 0; i < ranks.length; i++) {
            doubledRanks[i] = (int) Math.round(2 * ranks[i]);
            if (i < m) {
                aDoubledRankSum += doubledRanks[i];
            }
        }
        double u = aDoubledRankSum / 2.0 - m * (m + 1) / 2.0;
        if (m + n <= EXACT_UP_TO_REPETITIONS) {
            // Counting the smaller group's sums is cheaper; its sum is the rest of the total, and two-sided p
            // is the same from either side.
            long totalDoubled = (long) (m + n) * (m + n + 1);
            RankSumDistribution distribution = RankSumDistribution.of(doubledRanks, Math.min(m, n));
            long observed = m <= n ? aDoubledRankSum : totalDoubled - aDoubledRankSum;
            return new MannWhitney(u, distribution.pTwoSided(observed), distribution.smallestPTwoSided(),
                    Method.EXACT);
        }
        MannWhitneyUTest approximation = new MannWhitneyUTest(NaNStrategy.FAILED, TiesStrategy.AVERAGE);
        // The smallest p is that of complete separation: every A below every B.
        double smallest = approximation.mannWhitneyUTest(DoubleStream.iterate(1, x -> x + 1).limit(m).toArray(),
                DoubleStream.iterate(m + 1, x -> x + 1).limit(n).toArray());
        return new MannWhitney(u, approximation.mannWhitneyUTest(a.values(), b.values()), smallest,
                Method.NORMAL_APPROXIMATION);
    }

    /**
     * @param alpha a significance level, such as 0.05
     * @return whether a test of these sizes could give a p below it at all
     */
    public boolean canReach(double alpha) {
        return smallestPossibleP < alpha;
    }

    @Override
    public String toString() {
        return "U=" + u + ", p=" + pTwoSided + " (" + method.description() + ")";
    }
}
