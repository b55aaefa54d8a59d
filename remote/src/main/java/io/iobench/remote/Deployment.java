package io.iobench.remote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * iobench's own jars on one host, in its work directory: every entry of the local class path is copied to
 * {@code WORK/lib/}, and only when the host does not have those bytes already (its {@code sha256sum} tells, as
 * Hyperfoil's deployer does), so the second sweep to a host copies nothing.
 */
public final class Deployment {

    /** The work directory when none is named; relative, so under the remote user's home. */
    public static final String DEFAULT_WORK_DIR = ".iobench-work";

    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._/-]+");

    private Deployment() {
    }

    /**
     * What one installation did.
     *
     * @param classPath   the remote class path, {@code :}-joined paths relative to the remote home or absolute
     * @param filesCopied how many files were sent because the host lacked them or had other bytes
     * @param filesKept   how many the host already had
     */
    public record Report(String classPath, int filesCopied, int filesKept) {
    }

    /**
     * Copies every class-path entry to {@code WORK/lib/}: jar files as they are, directories packed by {@link
     * DeterministicJar}; skips a file whose sha256 the host already has.
     *
     * @return the remote class path
     */
    public static String install(Ssh ssh, SshTarget target, String workDir, List<Path> classPath, Duration timeout)
            throws RemoteException {
        return installReporting(ssh, target, workDir, classPath, timeout).classPath();
    }

    /** {@link #install}, saying also how many files were copied. */
    public static Report installReporting(Ssh ssh, SshTarget target, String workDir, List<Path> classPath,
                                          Duration timeout) throws RemoteException {
        requireSafeWorkDir(workDir);
        String lib = workDir + "/lib";
        Path packed = null;
        try {
            packed = Files.createTempDirectory("iobench-deploy");
            Map<String, Path> files = localFiles(classPath, packed);
            Map<String, String> remote = remoteChecksums(ssh, target, lib, files.keySet(), timeout);
            int copied = 0;
            for (Map.Entry<String, Path> file : files.entrySet()) {
                if (!sha256(file.getValue()).equals(remote.get(file.getKey()))) {
                    ssh.upload(target, file.getValue(), lib + "/" + file.getKey(), timeout);
                    copied++;
                }
            }
            String remotePath = files.keySet().stream().map(name -> lib + "/" + name).collect(Collectors.joining(":"));
            return new Report(remotePath, copied, files.size() - copied);
        } catch (RemoteException e) {
            throw e;
        } catch (IOException e) {
            throw new RemoteException(target, "could not prepare the class path: " + e.getMessage());
        } finally {
            if (packed != null) {
                deleteFlat(packed);
            }
        }
    }

    /**
     * Refuses a work directory that {@code rm -rf} must never be given or that the shell would read differently:
     * {@code ""}, {@code /}, {@code .}, {@code ~}, {@code ..}, any path with {@code ..}, a top-level absolute
     * directory such as {@code /home}, an option-like {@code -x}, and shell metacharacters.
     */
    public static void requireSafeWorkDir(String workDir) {
        String why = null;
        if (!SAFE_PATH.matcher(workDir).matches()) {
            why = "only letters, digits and . _ / - are allowed";
        } else if (workDir.contains("..")) {
            why = "it must not contain ..";
        } else if (workDir.replace("/", "").replace(".", "").isEmpty()) {
            why = "it names the home or the root directory";
        } else if (workDir.startsWith("-")) {
            why = "it would read as an option";
        } else if (workDir.startsWith("/") && !workDir.replaceAll("^/+|/+$", "").contains("/")) {
            why = "a top-level directory is not a work directory";
        }
        if (why != null) {
            throw new IllegalArgumentException("bad work directory '" + workDir + "': " + why);
        }
    }

    /** The files to send by their name in lib/: jars as they are, directories packed into {@code packed}. */
    private static Map<String, Path> localFiles(List<Path> classPath, Path packed) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (Path entry : classPath) {
            boolean directory = Files.isDirectory(entry);
            String name = unique(taken, directory ? directoryJarName(entry) : entry.getFileName().toString());
            Path file = entry;
            if (directory) {
                file = packed.resolve(name);
                DeterministicJar.pack(entry, file);
            } else if (!Files.isRegularFile(entry)) {
                throw new IOException(entry + ": no such file or directory on the class path");
            }
            files.put(name, file);
        }
        return files;
    }

    /** {@code remote/target/classes} becomes {@code remote-classes.jar}: the module names it. */
    private static String directoryJarName(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path target = abs.getParent();
        Path module = target == null ? null : target.getParent();
        String prefix = module == null || module.getFileName() == null ? "dir" : module.getFileName().toString();
        return (prefix + "-" + abs.getFileName()).replaceAll("[^A-Za-z0-9._-]", "_") + ".jar";
    }

    /** Two jars of one name (from different groups) must not overwrite each other in lib/. */
    private static String unique(Set<String> taken, String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        String candidate = safe;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = n + "-" + safe;
        }
        return candidate;
    }

    /** One ssh call for the checksums of every file the host already has in lib/. */
    private static Map<String, String> remoteChecksums(Ssh ssh, SshTarget target, String lib, Set<String> names,
                                                       Duration timeout) throws RemoteException {
        String command = "mkdir -p -- " + ShellQuote.quote(lib) + " && cd -- " + ShellQuote.quote(lib)
                + " && { sha256sum -- " + ShellQuote.command(new ArrayList<>(names)) + " 2>/dev/null; true; }";
        Ssh.Completed c = ssh.run(target, command, null, timeout);
        Ssh.requireSuccess(target, "preparing " + lib, c);
        Map<String, String> sums = new HashMap<>();
        c.stdout().lines().map(line -> line.split("\\s+\\*?", 2)).filter(parts -> parts.length == 2)
                .forEach(parts -> sums.put(parts[1], parts[0]));
        return sums;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void deleteFlat(Path dir) {
        try (var files = Files.list(dir)) {
            files.forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
        dir.toFile().delete();
    }
}
