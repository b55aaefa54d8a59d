/**
 * The {@code selector} and {@code poll} models: java.nio {@link java.nio.channels.Selector} reactors, on the
 * JDK's default provider (epoll on Linux) and on its poll(2) provider.
 *
 * <p>A {@code ReactorServer} runs one or more {@code Reactor} threads. The one holding the listening socket accepts
 * through an {@code Acceptor}, which backs off when accept fails; each accepted socket lives on one reactor as a
 * {@code Connection}, which echoes from the reactor's {@code EchoBuffers} and stops reading while the client does
 * not take its echo. The poll model needs the JVM option
 * {@code --add-exports=java.base/sun.nio.ch=ALL-UNNAMED} (see {@code PollSelectors}).
 */
package io.iobench.server.selector;
