/**
 * JMH results in a report: {@link io.iobench.results.JmhResultFile} reads the JSON JMH writes with
 * {@code -rf json}, and {@link io.iobench.report.jmh.JmhSection} shows each benchmark's scores per model and
 * parameter, as bars with JMH's own error (99.9% confidence) and as a table.
 */
package io.iobench.report.jmh;
