package org.myelomacds.server;

import org.myelomacds.cli.ServeStartup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * {@code myeloma-cds serve} as a real child process (the test's own classpath and JVM), in a working directory of the
 * test's choosing, with its audit log at info as the launcher runs it. For what only a separate process can show: a
 * SIGKILL and a restart, and the exact lines the server writes to its log.
 */
final class ServeProcess implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final String base;

    ServeProcess(Path workDir, String... serveArgs) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.log.org.myelomacds.audit=info", "-Dorg.slf4j.simpleLogger.log.org.myelomacds.server=info",
                "-cp", System.getProperty("java.class.path"), "org.myelomacds.cli.Main", "serve", "--port", "0"));
        cmd.addAll(List.of(serveArgs));
        process = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
        String found = ServeStartup.awaitBaseUrl(process, lines, Integer.MAX_VALUE, Duration.ofSeconds(120));
        if (found == null) throw new IllegalStateException("serve did not start:\n" + String.join("\n", lines));
        base = found;
    }

    String base() { return base; }

    List<String> lines() { return List.copyOf(lines); }

    long pid() { return process.pid(); }

    /** SIGKILL: no shutdown hook, no flush, no close — what a crash or an OOM killer does. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) kill();
        }
    }
}
