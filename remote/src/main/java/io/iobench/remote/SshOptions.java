package io.iobench.remote;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How every ssh call is made.
 *
 * @param configFile     an ssh_config given to ssh as {@code -F}; empty for the user's own {@code ~/.ssh/config}
 * @param connectTimeout how long ssh may take to reach a host, sent as {@code ConnectTimeout} in whole seconds
 */
public record SshOptions(Optional<Path> configFile, Duration connectTimeout) {

    /** No {@code -F}, so the user's own config, keys and agent apply; a connect timeout of 10 s. */
    public static SshOptions defaults() {
        return new SshOptions(Optional.empty(), Duration.ofSeconds(10));
    }

    /** These options with {@code -F file}. */
    public SshOptions withConfig(Path file) {
        return new SshOptions(Optional.of(file), connectTimeout);
    }

    /** These options with another connect timeout. */
    public SshOptions withConnectTimeout(Duration timeout) {
        return new SshOptions(configFile, timeout);
    }

    /** The connect timeout in the whole seconds ssh takes, at least 1. */
    long connectTimeoutSeconds() {
        return Math.max(1, (connectTimeout.toMillis() + 999) / 1000);
    }
}
