/**
 * The {@code iobench} command: dispatches {@code models}, {@code server}, {@code load}, {@code sweep} and
 * {@code report} to the modules that implement them. Its class path holds every model, so the sweep's child JVMs
 * (servers and clients) inherit all of them.
 */
package io.iobench.cli;
