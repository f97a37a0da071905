package org.myelomacds.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Waiting for a {@code serve} child process to listen: its start-up line names the URL (port 0 picks a free port, so
 * the line is the only way to learn it). Used by the bench command and by the tests that start a real server process.
 */
public final class ServeStartup {
    private static final Pattern LISTENING = Pattern.compile("CDS Hooks service at (http://[^ ]+)/cds-services");

    private ServeStartup() {}

    /**
     * Reads the process's output on a daemon thread (kept in {@code lines}, at most {@code maxLines}, for the error
     * message) and returns the base URL once the start-up line appears; null when the process ended without it.
     */
    public static String awaitBaseUrl(Process server, List<String> lines, int maxLines, Duration timeout) throws Exception {
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (lines) {
                        if (lines.size() < maxLines) lines.add(line);
                    }
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) url.complete(m.group(1));
                }
            } catch (IOException ignored) {
                // the process ended
            }
            url.complete(null);
        }, "serve-output");
        pump.setDaemon(true);
        pump.start();
        return url.get(timeout.toSeconds(), TimeUnit.SECONDS);
    }
}
