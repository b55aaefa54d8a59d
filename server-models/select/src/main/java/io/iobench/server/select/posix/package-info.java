/**
 * The C library as the select model calls it through the FFM API: the downcalls with errno captured
 * ({@link io.iobench.server.select.posix.Posix}), and the Linux LP64 layouts of {@code sockaddr_in},
 * {@code sockaddr_in6} ({@link io.iobench.server.select.posix.SockAddr}) and {@code timeval}
 * ({@link io.iobench.server.select.posix.TimeVal}).
 *
 * <p>Linking a downcall is a restricted operation: run the JVM with {@code --enable-native-access=ALL-UNNAMED}.
 */
package io.iobench.server.select.posix;
