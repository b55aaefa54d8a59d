/**
 * Blocking IO models: a thread sleeps in {@code read()} for each connection it serves. They share one server
 * ({@code BlockingEchoServer}, an acceptor thread) and one handler ({@code BlockingConnection}, read then write
 * all) and differ only in the threads that run the handler:
 * {@link io.iobench.server.blocking.ThreadPerConnectionModel} (a platform thread each),
 * {@link io.iobench.server.blocking.ThreadPoolModel} (a fixed pool; the rest wait) and
 * {@link io.iobench.server.blocking.VirtualThreadsModel} (a virtual thread each).
 */
package io.iobench.server.blocking;
