package io.iobench.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

/**
 * The U test against scipy 1.17.1. Without ties the expected values are
 * {@code scipy.stats.mannwhitneyu(a, b, method='exact')}; with ties, where scipy's exact method uses the
 * distribution without ties, they are the exact permutation test of the same statistic,
 * <pre>
 * scipy.stats.permutation_test((a, b), lambda x, y: scipy.stats.mannwhitneyu(x, y).statistic,
 *     permutation_type='independent', n_resamples=numpy.inf, alternative='two-sided').pvalue
 * </pre>
 * (which agrees with the exact method wherever there are no ties); beyond the exact range,
 * {@code mannwhitneyu(a, b, method='asymptotic', use_continuity=False)}, the approximation commons-math3 makes.
 */
class MannWhitneyTest {

    private static final double SCIPY = 1e-12;

    @Test
    void threeAgainstThreeCannotGoBelowOneTenthHoweverFarApart() {
        // mannwhitneyu([1, 2, 3], [4, 5, 6], method='exact'): statistic 0.0, pvalue 0.1
        MannWhitney test = MannWhitney.test(Sample.of(1, 2, 3), Sample.of(4, 5, 6));

        assertThat(test.u()).isZero();
        assertThat(test.pTwoSided()).isCloseTo(0.1, within(SCIPY));
        assertThat(test.smallestPossibleP()).isCloseTo(0.1, within(SCIPY));
        assertThat(test.canReach(0.05)).isFalse();
        assertThat(test.method()).isEqualTo(MannWhitney.Method.EXACT);
    }

    @Test
    void theNormalApproximationWouldCallThreeAgainstThreeSignificant() {
        // mannwhitneyu([1, 2, 3], [4, 5, 6], method='asymptotic', use_continuity=False): 0.049534613435626706,
        // the reason small samples get the exact distribution.
        double approximate = new MannWhitneyUTest().mannWhitneyUTest(new double[] {1, 2, 3}, new double[] {4, 5, 6});

        assertThat(approximate).isCloseTo(0.049534613435626706, within(SCIPY)).isLessThan(0.05);
    }

    @Test
    void fiveAgainstFiveWithoutTiesMatchesScipysExactP() {
        // mannwhitneyu([101.2, 99.8, 100.5, 98.9, 100.1], [103.4, 100.9, 104.2, 102.7, 101.8], method='exact'):
        // statistic 1.0, pvalue 0.015873015873015872 (= 2 · 2/252)
        MannWhitney test = MannWhitney.test(Sample.of(101.2, 99.8, 100.5, 98.9, 100.1),
                Sample.of(103.4, 100.9, 104.2, 102.7, 101.8));

        assertThat(test.u()).isEqualTo(1.0);
        assertThat(test.pTwoSided()).isCloseTo(0.015873015873015872, within(SCIPY));
        assertThat(test.smallestPossibleP()).isCloseTo(2.0 / 252, within(SCIPY));
        assertThat(test.canReach(0.05)).isTrue();
    }

    @Test
    void unequalSizesMatchScipysExactP() {
        // mannwhitneyu([12.5, 11.9, 13.1, 12.2], [12.8, 13.4, 12.0, 13.9, 14.2, 13.0, 12.7], method='exact'):
        // statistic 6.0, pvalue 0.16363636363636364
        MannWhitney ab = MannWhitney.test(Sample.of(12.5, 11.9, 13.1, 12.2),
                Sample.of(12.8, 13.4, 12.0, 13.9, 14.2, 13.0, 12.7));
        MannWhitney ba = MannWhitney.test(Sample.of(12.8, 13.4, 12.0, 13.9, 14.2, 13.0, 12.7),
                Sample.of(12.5, 11.9, 13.1, 12.2));

        assertThat(ab.u()).isEqualTo(6.0);
        assertThat(ab.pTwoSided()).isCloseTo(0.16363636363636364, within(SCIPY));
        assertThat(ba.u()).isEqualTo(4 * 7 - 6.0);
        assertThat(ba.pTwoSided()).isCloseTo(0.16363636363636364, within(SCIPY));
    }

    @Test
    void tiedLatenciesGetThePermutationDistributionOfTheirMeanRanks() {
        // p50s in whole µs tie often. permutation_test as above: 0.11904761904761904; mannwhitneyu's exact
        // method, ignoring the ties, would say 0.09523809523809523. Statistic 4.0.
        MannWhitney test = MannWhitney.test(Sample.of(45, 45, 46, 47, 45), Sample.of(46, 47, 47, 48, 46));

        assertThat(test.u()).isEqualTo(4.0);
        assertThat(test.pTwoSided()).isCloseTo(0.11904761904761904, within(SCIPY));
        assertThat(test.method()).isEqualTo(MannWhitney.Method.EXACT);
    }

    @Test
    void thirtyAgainstThirtyIsStillExact() {
        // a = [(i*37 % 101) + 0.5 for i in range(30)], b = [(i*53 % 103) + 10.25 for i in range(30)], no ties;
        // mannwhitneyu(a, b, method='exact'): statistic 377.0, pvalue 0.2860547139288606
        MannWhitney test = MannWhitney.test(spread(30, 37, 101, 0.5), spread(30, 53, 103, 10.25));

        assertThat(test.method()).isEqualTo(MannWhitney.Method.EXACT);
        assertThat(test.u()).isEqualTo(377.0);
        assertThat(test.pTwoSided()).isCloseTo(0.2860547139288606, within(1e-9));
    }

    @Test
    void beyondAHundredRepetitionsTheNormalApproximationIsUsed() {
        // The same formulas for i in range(60); mannwhitneyu(a, b, method='asymptotic', use_continuity=False):
        // statistic 1540.0, pvalue 0.17236431093435156
        MannWhitney test = MannWhitney.test(spread(60, 37, 101, 0.5), spread(60, 53, 103, 10.25));

        assertThat(test.method()).isEqualTo(MannWhitney.Method.NORMAL_APPROXIMATION);
        assertThat(test.u()).isEqualTo(1540.0);
        assertThat(test.pTwoSided()).isCloseTo(0.17236431093435156, within(1e-9));
        assertThat(test.canReach(0.05)).isTrue();
    }

    @Test
    void identicalSetsGiveAPOfOne() {
        MannWhitney test = MannWhitney.test(Sample.of(1, 2, 3, 4), Sample.of(1, 2, 3, 4));

        assertThat(test.u()).isEqualTo(8.0);
        assertThat(test.pTwoSided()).isEqualTo(1.0);
    }

    @Test
    void oneAgainstOneCanSayNothing() {
        MannWhitney test = MannWhitney.test(Sample.of(1), Sample.of(2));

        assertThat(test.pTwoSided()).isEqualTo(1.0);
        assertThat(test.smallestPossibleP()).isEqualTo(1.0);
    }

    /** @return (i·multiplier mod modulus) + offset for i from 0 to n − 1: scattered, and as easily made in scipy */
    private static Sample spread(int n, int multiplier, int modulus, double offset) {
        return Sample.of(IntStream.range(0, n).mapToDouble(i -> (i * multiplier) % modulus + offset).toArray());
    }
}
