package io.iobench.remote;

/**
 * What a host has, checked once per sweep by {@link RemoteHost#check}.
 *
 * @param target   the host
 * @param javaHome a JDK 25 or newer on it, as {@code scripts/jdk.sh} finds one
 * @param hostname what {@code hostname} says there
 * @param kernel   {@code uname -r}
 * @param cores    {@code nproc}: the CPUs iobench may use there
 */
public record HostFacts(SshTarget target, String javaHome, String hostname, String kernel, int cores) {

    /** The java launcher on the host. */
    public String javaBinary() {
        return javaHome + "/bin/java";
    }
}
