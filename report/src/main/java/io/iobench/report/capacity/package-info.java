/**
 * The report's capacity section, for a sweep directory with a {@code capacity.json}: the "Capacity at p99 ≤ 1 ms"
 * table and, per connection count, the hockey-stick and CPU charts ({@link io.iobench.report.charts.CapacityCharts}).
 */
package io.iobench.report.capacity;
