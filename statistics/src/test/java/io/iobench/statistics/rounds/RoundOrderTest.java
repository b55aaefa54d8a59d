package io.iobench.statistics.rounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

class RoundOrderTest {

    /** A sweep's point as the sweep will key it. */
    private record Point(String model, int connections) {
    }

    /** Four models at three connection counts, listed model by model as a sweep's options would give them. */
    private static final List<Point> POINTS = points(List.of("selector", "poll", "netty-epoll", "busy-poll"),
            List.of(10, 100, 1_000));

    @Test
    void everyRoundVisitsEveryPointOnce() {
        RoundOrder<Point> order = RoundOrder.shuffled(POINTS, 10, 1);

        assertThat(order.rounds()).hasSize(10);
        for (List<Point> round : order.rounds()) {
            assertThat(round).containsExactlyInAnyOrderElementsOf(POINTS);
        }
        assertThat(order.visits()).hasSize(10 * POINTS.size());
    }

    @Test
    void eachRoundIsShuffledOnItsOwn() {
        RoundOrder<Point> order = RoundOrder.shuffled(POINTS, 10, 1);

        assertThat(new HashSet<>(order.rounds())).as("ten different orders").hasSize(10);
        assertThat(order.rounds()).doesNotContain(POINTS);
    }

    @Test
    void theSameSeedGivesTheSameOrderAndAnotherSeedAnother() {
        assertThat(RoundOrder.shuffled(POINTS, 5, 2026).rounds())
                .isEqualTo(RoundOrder.shuffled(POINTS, 5, 2026).rounds());
        assertThat(RoundOrder.shuffled(POINTS, 5, 2027).rounds())
                .isNotEqualTo(RoundOrder.shuffled(POINTS, 5, 2026).rounds());
        assertThat(RoundOrder.shuffled(POINTS, 5, 2026).seed()).isEqualTo(2026);
    }

    @Test
    void noPointRunsTwiceInARowAcrossARoundBoundary() {
        // With three points a round opens with the point the last one closed with a third of the time.
        List<Point> three = POINTS.subList(0, 3);
        for (long seed = 0; seed < 20; seed++) {
            List<Point> visits = RoundOrder.shuffled(three, 100, seed).visits();
            for (int i = 1; i < visits.size(); i++) {
                assertThat(visits.get(i)).as("visit %d, seed %d", i, seed).isNotEqualTo(visits.get(i - 1));
            }
        }
    }

    @Test
    void noModelRunsTwiceInARowMoreOftenThanChanceAllows() {
        // In a random order of 12 points, 3 per model, the next point is of the same model with probability
        // 2/11; the order the points were listed in would give 8/11. A binomial count of 2/11 exceeds the bound
        // with probability 1e-4 (the neighbours are not quite independent, and the boundary swap only lowers it).
        // With this seed: 1,098 of 5,999 neighbours, 1,091 expected, bound 1,203.
        int rounds = 500;
        List<Point> visits = RoundOrder.shuffled(POINTS, rounds, 3).visits();
        int neighbours = visits.size() - 1;
        int sameModel = 0;
        for (int i = 1; i < visits.size(); i++) {
            if (visits.get(i).model().equals(visits.get(i - 1).model())) {
                sameModel++;
            }
        }

        int bound = new BinomialDistribution(null, neighbours, 2.0 / 11).inverseCumulativeProbability(1 - 1e-4);
        assertThat(sameModel).isLessThanOrEqualTo(bound);
    }

    @Test
    void everyPointIsAsLikelyToOpenARound() {
        List<Point> four = POINTS.subList(0, 4);
        long[] opened = new long[four.size()];
        for (List<Point> round : RoundOrder.shuffled(four, 4_000, 4).rounds()) {
            opened[four.indexOf(round.getFirst())]++;
        }

        double[] expected = {1_000, 1_000, 1_000, 1_000};
        assertThat(new ChiSquareTest().chiSquareTest(expected, opened)).as("chi-square p").isGreaterThan(0.001);
    }

    @Test
    void aSinglePointCanOnlyRunBackToBack() {
        Point only = POINTS.getFirst();

        assertThat(RoundOrder.shuffled(List.of(only), 3, 1).visits()).containsExactly(only, only, only);
    }

    @Test
    void theOrderCannotBeChangedByItsUser() {
        RoundOrder<Point> order = RoundOrder.shuffled(POINTS, 2, 1);

        assertThatThrownBy(() -> order.round(0).set(0, POINTS.getFirst()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> order.rounds().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesNoPointsAPointListedTwiceAndNoRounds() {
        assertThatThrownBy(() -> RoundOrder.shuffled(List.of(), 1, 1)).hasMessageContaining("no points");
        assertThatThrownBy(() -> RoundOrder.shuffled(List.of(POINTS.getFirst(), POINTS.getFirst()), 1, 1))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> RoundOrder.shuffled(POINTS, 0, 1)).hasMessageContaining("at least one round");
    }

    private static List<Point> points(List<String> models, List<Integer> connections) {
        List<Point> points = new ArrayList<>();
        for (String model : models) {
            for (int count : connections) {
                points.add(new Point(model, count));
            }
        }
        return List.copyOf(points);
    }
}
