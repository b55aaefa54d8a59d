/**
 * The select model: an echo server on one thread calling select(2).
 *
 * <p>{@link io.iobench.server.select.SelectModel} is the entry point and tells the model's story. The loop keeps
 * its fd_sets in {@code FdSet}, closes connections whose descriptor cannot fit in one and says so through
 * {@code FdSetOverflowLog}, and holds a partial write's remainder in its {@code Connection} until it is sent.
 */
package io.iobench.server.select;
