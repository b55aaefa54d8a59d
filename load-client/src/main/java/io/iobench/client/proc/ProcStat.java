package io.iobench.client.proc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A whole snapshot of what a process has used and holds, read from /proc: its CPU time ({@link ProcessTimes}),
 * its memory and descriptors, and each thread's counters ({@link ThreadStats}). The one reader of /proc in iobench,
 * used for the server (by pid) and for the client itself. It opens several files per thread, so it is read
 * outside a measured window; the window's own edges read {@link ProcessTimes} alone.
 *
 * @param times      CPU time and thread count
 * @param rssKib     resident memory now, KiB (VmRSS)
 * @param rssPeakKib peak resident memory, KiB (VmHWM)
 * @param fds        open file descriptors (entries of /proc/PID/fd)
 * @param threads    each thread's CPU, wait and context switches
 */
public record ProcStat(ProcessTimes times, long rssKib, long rssPeakKib, int fds, ThreadStats threads) {

    /**
     * Reads process {@code pid}. CPU times come first so that they are the ones closest to the reading's start;
     * the other figures change slowly. Reading the threads of a process with thousands of them takes milliseconds.
     *
     * @throws ProcessGoneException when the process no longer exists
     */
    public static ProcStat read(long pid) throws IOException {
        ProcessTimes times = ProcessTimes.read(pid);
        Path dir = ProcessTimes.PROC.resolve(Long.toString(pid));
        try {
            List<String> status = Files.readAllLines(dir.resolve("status"));
            ThreadStats threads = ThreadStats.read(pid);
            return new ProcStat(times, field(status, "VmRSS:"), field(status, "VmHWM:"), countEntries(dir.resolve("fd")),
                    threads);
        } catch (NoSuchFileException e) {
            throw new ProcessGoneException(pid);
        }
    }

    /**
     * @return how many sockets process {@code pid} has open: a server's listening socket and its connections, while
     *         the JVM's other descriptors (class path jars, random devices) come and go in its first seconds
     * @throws ProcessGoneException when the process no longer exists
     */
    public static int openSockets(long pid) throws IOException {
        Path fds = ProcessTimes.PROC.resolve(Long.toString(pid)).resolve("fd");
        int sockets = 0;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(fds)) {
            for (Path fd : stream) {
                try {
                    if (Files.readSymbolicLink(fd).toString().startsWith("socket:")) {
                        sockets++;
                    }
                } catch (NoSuchFileException e) {
                    // Closed while the others were read.
                }
            }
        } catch (NoSuchFileException e) {
            throw new ProcessGoneException(pid);
        }
        return sockets;
    }

    /** Reads this JVM. */
    public static ProcStat self() throws IOException {
        return read(ProcessHandle.current().pid());
    }

    public long pid() {
        return times.pid();
    }

    /**
     * @return whether process {@code pid} exists and has not exited: a zombie (exited, not yet reaped by its
     *         parent) still has an entry in /proc but is not alive
     */
    public static boolean alive(long pid) {
        try {
            String stat = Files.readString(ProcessTimes.PROC.resolve(Long.toString(pid)).resolve("stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    /** @return the first number after {@code key} at the start of a line, or 0 when absent (kernel threads) */
    static long field(List<String> lines, String key) {
        for (String line : lines) {
            if (line.startsWith(key)) {
                String rest = line.substring(key.length()).trim();
                int end = rest.indexOf(' ');
                return Long.parseLong(end < 0 ? rest : rest.substring(0, end));
            }
        }
        return 0;
    }

    private static int countEntries(Path dir) throws IOException {
        int count = 0;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path ignored : stream) {
                count++;
            }
        }
        return count;
    }
}
