/**
 * The echo server shared by the Netty models: {@link io.iobench.server.netty.NettyEchoServer} takes a transport's
 * IO handler factory and server channel class and runs the same pipeline on it. The listening channel carries
 * {@code AcceptBackoffHandler} (accept failures back off as in every iobench model) and {@code AdmissionHandler}
 * (the connection cap); each connection carries {@code EchoHandler} (echo, backpressure, half-close).
 */
package io.iobench.server.netty;
