/**
 * Verdicts, not samples: what the repetitions of a sweep's points say, with their spread and their certainty.
 *
 * <h2>One point: {@link io.iobench.statistics.PointEstimate}</h2>
 * Each figure of a point ({@link io.iobench.statistics.Figure}: msgs/s, p50, p99, p99.9, server CPU µs/msg,
 * context switches/msg, idle cores) has one value per repetition, a {@link io.iobench.statistics.Sample}. Its
 * estimate is the median, the min and the max, and a confidence interval for the median: the distribution-free
 * <em>order-statistic interval</em>, two of the sorted values whose ranks come from the binomial(n, ½)
 * distribution. It is used because it assumes nothing about a figure's distribution (throughput under neighbours'
 * noise is skewed, not normal), needs no random numbers, and states its exact coverage. That coverage is below 95%
 * when the repetitions are few, and the estimate says so rather than pretending:
 * <table>
 *   <caption>The median's interval by number of repetitions</caption>
 *   <tr><th>n</th><th>interval</th><th>coverage</th></tr>
 *   <tr><td>1, 2</td><td>none: too few repetitions</td><td></td></tr>
 *   <tr><td>3</td><td>[min, max]</td><td>75%</td></tr>
 *   <tr><td>5</td><td>[min, max]</td><td>93.75%</td></tr>
 *   <tr><td>6</td><td>[min, max]</td><td>96.9%</td></tr>
 *   <tr><td>10</td><td>[2nd, 9th]</td><td>97.9%</td></tr>
 * </table>
 *
 * <h2>Latency percentiles: {@link io.iobench.statistics.MergedLatency}</h2>
 * A pooled p99 is the p99 of the repetitions' histograms added together, never a mean of their p99s (which is the
 * percentile of no distribution). The repetitions' own percentiles stay beside it as a sample, with their own
 * estimate, so their spread stays visible.
 *
 * <h2>Two sets: {@link io.iobench.statistics.Comparison}</h2>
 * B against A in one figure is B's median over A's ({@link io.iobench.statistics.RatioOfMedians}) with a 95%
 * <em>percentile-bootstrap</em> interval, resampling whole repetitions with a seeded generator (10,000 resamples;
 * the same seed gives the same interval). The bootstrap is used here because no distribution-free interval exists
 * for a ratio of medians. Beside it is the two-sided Mann-Whitney U test ({@link io.iobench.statistics.MannWhitney}),
 * exact for up to 100 repetitions in all (ties included, by the permutation distribution of the rank sum),
 * commons-math3's normal approximation beyond. The {@link io.iobench.statistics.Verdict} comes from the interval:
 * improved or regressed only when it excludes 1, which side is better depending on the figure; otherwise no
 * significant change. The U test does not decide, since three repetitions a side cannot reach p &lt; 0.05 however
 * far apart they are (its smallest two-sided p is 0.1): the comparison's note says so. With fewer than three
 * repetitions on a side no significance is given at all; with exactly three, about one pair in nine from a single
 * distribution is called changed (measured), against one in 37 with five: run five rounds where a verdict
 * matters. The same comparison, between two models of one sweep,
 * makes a headline's "not distinguishable".
 *
 * <h2>Use</h2>
 * <pre>
 * PointEstimate throughput = PointEstimate.of(Sample.of(139_140, 137_902, 140_311, 138_650, 139_877));
 * throughput.median();                        // 139_140
 * throughput.interval().orElseThrow();        // [137_902, 140_311] at 93.75%, ORDER_STATISTICS
 *
 * MergedLatency latency = MergedLatency.of(histogramsOfEachRepetition);
 * latency.percentile(99.0).pooled();          // p99 of every message of every repetition, µs
 *
 * Comparison c = Comparison.of(Figure.P99_US, p99sOfA, p99sOfB, seed);
 * c.verdict();                                // IMPROVED, REGRESSED, NO_SIGNIFICANT_CHANGE, TOO_FEW_REPETITIONS
 * c.summary();                                // "0.81× [0.77, 0.86], U p = 0.0079 (exact), improved"
 * c.headline("selector", "netty-epoll", "at 100 connections");
 * </pre>
 *
 * <p>The order in which a sweep visits its points so that repetitions are comparable is in
 * {@link io.iobench.statistics.rounds}.
 */
package io.iobench.statistics;
