package io.iobench.statistics;

import java.util.Locale;
import java.util.Optional;

/**
 * Two sets of repetitions of one point compared in one figure: B's median as a multiple of A's, with its 95%
 * bootstrap interval ({@link RatioOfMedians}), the two-sided Mann-Whitney U test ({@link MannWhitney}) beside it,
 * and a {@link Verdict}. The interval decides: a change is improved or regressed only when it excludes 1, which
 * way being better depends on the {@link Figure}. The p-value is there for the reader, and {@link #note()} says
 * when the test could not have reached p &lt; 0.05 whatever the data (three repetitions a side: its smallest p is
 * 0.1). With fewer than {@link PointEstimate#MIN_REPETITIONS} repetitions on a side the ratio is given without an
 * interval, and the verdict is {@link Verdict#TOO_FEW_REPETITIONS}.
 *
 * <p>How often it cries wolf: of 1,000 pairs of sets drawn from one distribution (normal, 3% spread), it calls 27
 * changed with five repetitions a side, under the nominal 5%, but 108 with three, since a percentile bootstrap
 * over three repetitions covers less than it claims ({@code ComparisonTest}). Three a side is the least a verdict
 * is given for, not a good number.
 *
 * <p>The same comparison serves {@code report --compare A B} (two sweeps, one point) and the headline that sets
 * two models side by side (one sweep, two models at one point):
 *
 * <pre>
 * Comparison c = Comparison.of(Figure.MSGS_PER_S, nettyEpoll, selector, seed);
 * c.verdict();                                                      // NO_SIGNIFICANT_CHANGE
 * c.headline("selector", "netty-epoll", "at 100 connections");
 * // "selector vs netty-epoll at 100 connections: 1.04× [0.97, 1.11], not distinguishable"
 * </pre>
 */
public final class Comparison {

    /** The significance level the note about the U test's reach refers to. */
    public static final double ALPHA = 0.05;

    private final Figure figure;
    private final PointEstimate a;
    private final PointEstimate b;
    private final RatioOfMedians ratio;
    private final MannWhitney uTest;
    private final Verdict verdict;
    private final String note;

    private Comparison(Figure figure, PointEstimate a, PointEstimate b, RatioOfMedians ratio, MannWhitney uTest,
                       Verdict verdict, String note) {
        this.figure = figure;
        this.a = a;
        this.b = b;
        this.ratio = ratio;
        this.uTest = uTest;
        this.verdict = verdict;
        this.note = note;
    }

    /**
     * @param figure what the values are, which says whether a higher B is an improvement
     * @param a      the reference set's repetitions (the denominator of the ratio)
     * @param b      the other set's repetitions
     * @param seed   seeds the bootstrap; the same seed gives the same interval
     * @return the comparison, with its bootstrap from {@link RatioOfMedians#DEFAULT_RESAMPLES} resamples
     */
    public static Comparison of(Figure figure, Sample a, Sample b, long seed) {
        PointEstimate aEstimate = PointEstimate.of(a);
        PointEstimate bEstimate = PointEstimate.of(b);
        MannWhitney uTest = MannWhitney.test(a, b);
        if (!RatioOfMedians.definedFor(a, b)) {
            return new Comparison(figure, aEstimate, bEstimate, null, uTest, Verdict.NO_RATIO,
                    "A has a value of zero (or B one below): B's median is no multiple of A's");
        }
        if (Math.min(a.size(), b.size()) < PointEstimate.MIN_REPETITIONS) {
            return new Comparison(figure, aEstimate, bEstimate, null, uTest, Verdict.TOO_FEW_REPETITIONS,
                    sides(a, b) + ": no significance can be given (a verdict needs " + PointEstimate.MIN_REPETITIONS
                            + " a side)");
        }
        RatioOfMedians ratio = RatioOfMedians.bootstrap(a, b, seed);
        ConfidenceInterval interval = ratio.interval();
        Verdict verdict = interval.contains(1) ? Verdict.NO_SIGNIFICANT_CHANGE
                : (interval.low() > 1) == figure.higherIsBetter() ? Verdict.IMPROVED : Verdict.REGRESSED;
        String note = uTest.canReach(ALPHA) ? null
                : String.format(Locale.ROOT, "with %s a U test cannot reach p < %s (its smallest two-sided p is "
                        + "%s): the interval of the ratio decides", sides(a, b), ALPHA,
                        Numbers.p(uTest.smallestPossibleP()));
        return new Comparison(figure, aEstimate, bEstimate, ratio, uTest, verdict, note);
    }

    /** @return how many repetitions each side has, in words: {@code 3 repetitions per side} */
    private static String sides(Sample a, Sample b) {
        if (a.size() != b.size()) {
            return a.size() + " repetitions of A and " + b.size() + " of B";
        }
        return (a.size() == 1 ? "one repetition" : a.size() + " repetitions") + " per side";
    }

    /** @return the figure compared */
    public Figure figure() {
        return figure;
    }

    /** @return A's median, range and interval */
    public PointEstimate a() {
        return a;
    }

    /** @return B's median, range and interval */
    public PointEstimate b() {
        return b;
    }

    /** @return B's median over A's, or NaN when A's median is zero */
    public double ratio() {
        return verdict == Verdict.NO_RATIO ? Double.NaN : b.median() / a.median();
    }

    /** @return the ratio's bootstrap, or empty when a side has too few repetitions or there is no ratio */
    public Optional<RatioOfMedians> bootstrap() {
        return Optional.ofNullable(ratio);
    }

    /** @return the two-sided U test of the two sets, whatever their sizes */
    public MannWhitney uTest() {
        return uTest;
    }

    /** @return what the comparison concludes */
    public Verdict verdict() {
        return verdict;
    }

    /**
     * @return what a reader needs to know beside the verdict: that there were too few repetitions, or that the U
     *         test could not have been significant; empty when nothing needs saying
     */
    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    /**
     * @return the comparison on one line, as {@code report --compare} prints it, such as
     *         {@code 1.20× [1.15, 1.26], U p = 0.0079 (exact), improved}
     */
    public String summary() {
        return ratioWithInterval() + ", U p = " + Numbers.p(uTest.pTwoSided()) + " (" + uTest.method().description()
                + "), " + verdict.words() + note().map(n -> "; " + n).orElse("");
    }

    /**
     * @param nameOfB what B is, named first because the ratio reads B over A
     * @param nameOfA what A is
     * @param where   the point, such as {@code at 100 connections}
     * @return a sentence such as
     *         {@code selector vs netty-epoll at 100 connections: 1.04× [0.97, 1.11], not distinguishable}
     */
    public String headline(String nameOfB, String nameOfA, String where) {
        String judgement = switch (verdict) {
            case IMPROVED, REGRESSED -> "distinguishable";
            case NO_SIGNIFICANT_CHANGE -> "not distinguishable";
            case TOO_FEW_REPETITIONS, NO_RATIO -> verdict.words();
        };
        return nameOfB + " vs " + nameOfA + " " + where + ": " + ratioWithInterval() + ", " + judgement;
    }

    private String ratioWithInterval() {
        if (verdict == Verdict.NO_RATIO) {
            return "no ratio";
        }
        String times = Numbers.ratio(ratio());
        return ratio == null ? times
                : times + " [" + Numbers.plain(ratio.interval().low()) + ", " + Numbers.plain(ratio.interval().high())
                        + "]";
    }

    @Override
    public String toString() {
        return figure.label() + ": " + summary();
    }
}
