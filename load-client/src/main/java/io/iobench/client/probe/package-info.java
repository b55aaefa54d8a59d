/**
 * {@code iobench probe}: the server's half of a run whose load clients are on other hosts. {@link
 * io.iobench.client.probe.ProbeCommand} parses the options ({@link io.iobench.client.probe.ProbeOptions}), waits
 * for the same GO as the clients and follows their schedule ({@code ProbeRun}), reading the server's /proc with the
 * client's own readers and reducing the readings the client's way ({@link io.iobench.client.proc.ServerWindow});
 * the file it writes is {@link io.iobench.results.ProbeResult}, whose figures the clients' merged run takes as its
 * server's.
 */
package io.iobench.client.probe;
