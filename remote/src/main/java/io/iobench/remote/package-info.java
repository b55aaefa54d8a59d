/**
 * Running iobench on other hosts over the system OpenSSH client (issue 14).
 * <ul>
 *   <li>{@link io.iobench.remote.SshTarget} is the {@code [user@]host} a user names, and {@link
 *       io.iobench.remote.ShellQuote} the one way a remote command line is quoted;</li>
 *   <li>{@link io.iobench.remote.Ssh} is the engine: every call goes through the system {@code ssh} with
 *       {@link io.iobench.remote.SshOptions}, sharing one control master per host; long-running commands are
 *       {@link io.iobench.remote.RemoteProcess}es;</li>
 *   <li>{@link io.iobench.remote.RemoteHost#check} says once per sweep what a host has ({@link
 *       io.iobench.remote.HostFacts}) or what it lacks, and {@link io.iobench.remote.Deployment} puts iobench's
 *       jars in the host's work directory, copying only what changed;</li>
 *   <li>{@link io.iobench.remote.CleanHostsCommand} removes that work directory again.</li>
 * </ul>
 * Whatever fails on or on the way to a host is a {@link io.iobench.remote.RemoteException} whose message is one
 * line naming the host.
 */
package io.iobench.remote;
