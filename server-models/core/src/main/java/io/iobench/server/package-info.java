/**
 * The contract every IO model implements and the launcher that starts one.
 *
 * <p>A model is an {@link io.iobench.server.IoModel} found with {@link java.util.ServiceLoader}; it starts an
 * {@link io.iobench.server.EchoServer} from {@link io.iobench.server.ServerOptions}. Each model keeps a
 * {@link io.iobench.server.ConnectionLedger} (the cap on connections and what happened to them) and backs off with
 * an {@link io.iobench.server.AcceptBackoff} when accept fails. {@link io.iobench.server.ServerLauncher} is the
 * one way to start a model in its own process: it prints
 * <pre>READY model=NAME port=PORT pid=PID</pre>
 * on stdout once it accepts connections, and on SIGTERM or SIGINT closes everything and exits 0.
 */
package io.iobench.server;
