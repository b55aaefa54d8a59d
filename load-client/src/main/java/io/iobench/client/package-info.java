/**
 * {@code iobench load}: {@link io.iobench.client.LoadCommand} parses the options, runs one load against one echo
 * server (connect, idle window, warm-up, measured window, drain) and writes the run's directory. The engine, load
 * models, recording, /proc readers and result format live in the sub-packages.
 */
package io.iobench.client;
