/**
 * Reading what users type: {@link io.iobench.options.Flags} for {@code --name value} options,
 * {@link io.iobench.options.Quantities} for durations, sizes, counts and lists, and
 * {@link io.iobench.options.UsageException} for a one-line mistake that ends a command with exit code 2.
 * Every iobench command reads its options through these, so all of them accept the same spellings, and meets its
 * user through {@link io.iobench.options.CommandShell}. The long-running ones (server, load, sweep) learn that they
 * must end early through {@link io.iobench.options.StopRequests}: SIGINT, SIGTERM, or end of stdin when the one who
 * started them is gone.
 */
package io.iobench.options;
