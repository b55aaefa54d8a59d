/**
 * Running iobench on other hosts over the system OpenSSH client (issue 14). For now: {@link
 * io.iobench.remote.SshTarget}, the {@code [user@]host} a user names, and {@link io.iobench.remote.ShellQuote},
 * the one way a remote command line is quoted.
 */
package io.iobench.remote;
