package io.iobench.statistics;

/**
 * The exact null distribution of one group's rank sum in a two-sample rank test: how many of the C(N, m) ways of
 * choosing m of the N pooled values give each sum. Counted with the recurrence over the values in turn (choose
 * this one or not): ways(i, k, s) = ways(i − 1, k, s) + ways(i − 1, k − 1, s − rank(i)), in N·m·(largest sum)
 * steps, where listing the choices would take C(N, m). Ranks arrive doubled so that mean ranks of ties are whole.
 * Counts are doubles: C(100, 50) is about 10^29, and only their ratios are needed.
 */
final class RankSumDistribution {

    private final double[] ways;
    private final double total;

    private RankSumDistribution(double[] ways) {
        this.ways = ways;
        double sum = 0;
        for (double count : ways) {
            sum += count;
        }
        this.total = sum;
    }

    /**
     * @param doubledRanks every pooled value's rank, doubled
     * @param m            the size of the group whose rank sum is counted
     * @return the distribution of that group's doubled rank sum
     */
    static RankSumDistribution of(int[] doubledRanks, int m) {
        int largestSum = 0;
        for (int rank : doubledRanks) {
            largestSum += rank;
        }
        // ways[k][s]: choices of k values, among those seen so far, whose doubled ranks sum to s.
        double[][] ways = new double[m + 1][largestSum + 1];
        ways[0][0] = 1;
        for (int rank : doubledRanks) {
            // Downwards in k, so that each value is chosen at most once.
            for (int k = m; k >= 1; k--) {
                double[] fewer = ways[k - 1];
                double[] these = ways[k];
                for (int s = largestSum - rank; s >= 0; s--) {
                    these[s + rank] += fewer[s];
                }
            }
        }
        return new RankSumDistribution(ways[m]);
    }

    /**
     * @param doubledSum an observed doubled rank sum
     * @return min(1, 2·min(P(S ≤ sum), P(S ≥ sum)))
     */
    double pTwoSided(long doubledSum) {
        double atMost = 0;
        double atLeast = 0;
        for (int s = 0; s < ways.length; s++) {
            if (s <= doubledSum) {
                atMost += ways[s];
            }
            if (s >= doubledSum) {
                atLeast += ways[s];
            }
        }
        return Math.min(1, 2 * Math.min(atMost, atLeast) / total);
    }

    /** @return the smallest two-sided p of any possible sum */
    double smallestPTwoSided() {
        int lowest = 0;
        while (ways[lowest] == 0) {
            lowest++;
        }
        int highest = ways.length - 1;
        while (ways[highest] == 0) {
            highest--;
        }
        return Math.min(pTwoSided(lowest), pTwoSided(highest));
    }
}
