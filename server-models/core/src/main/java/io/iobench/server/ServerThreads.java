package io.iobench.server;

/** What every model does with its threads when it closes. */
public final class ServerThreads {

    private ServerThreads() {
    }

    /**
     * Waits until {@code thread} has ended, even if the caller is interrupted meanwhile: {@link EchoServer#close()}
     * promises that no server thread is alive when it returns. The caller's interrupt status is restored.
     */
    public static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
