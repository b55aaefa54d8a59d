/**
 * JMH suites over the iobench servers and client engine, packaged as {@code benchmarks/target/benchmarks.jar}.
 *
 * <ul>
 *   <li>{@link io.iobench.benchmarks.EchoRoundTrip}: one echo round trip through each model's server (in its own
 *       JVM, started and pinned as the sweep does it) while 1 to 1000 connections are open, in messages per second
 *       and as a latency distribution, with the server's CPU and context switches from /proc
 *       ({@link io.iobench.benchmarks.ServerCost}) as secondary results.</li>
 *   <li>{@link io.iobench.benchmarks.SelectorScaling}: the cost of one readiness round of the JDK's epoll and poll
 *       selectors as idle connections grow from 10 to 10,000, in one JVM.</li>
 * </ul>
 *
 * <pre>
 * $ java -jar benchmarks/target/benchmarks.jar -l          # every benchmark
 * $ java -jar benchmarks/target/benchmarks.jar -lp         # with its parameters
 * $ java -jar benchmarks/target/benchmarks.jar SelectorScaling -p idleChannels=10,10000
 * $ java -jar benchmarks/target/benchmarks.jar EchoRoundTrip.latency -p model=selector -p connections=1,1000
 * </pre>
 *
 * {@code mvn -P jmh verify} at the repository root builds the jar and runs a short selection of both, writing
 * JMH's JSON to {@code results/jmh-<timestamp>.json}.
 */
package io.iobench.benchmarks;
