package org.myelomacds.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A one-line progress bar on stderr for batch runs, redrawn with a carriage return. Written here rather than taken
 * from a library (e.g. me.tongfei:progressbar, which brings JLine for terminal handling) because it needs only one
 * line and one decision: draw only when stderr is a terminal, so logs and pipes get the plain summary alone.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final int total;
    private final boolean enabled;
    private int done;

    ProgressBar(PrintStream err, int total, boolean enabled) {
        this.err = err;
        this.total = total;
        this.enabled = enabled && total > 0;
    }

    /**
     * True when stderr is a terminal. Java has no isatty for stderr; on Linux fd 2 links to /dev/pts/N or /dev/ttyN
     * when it is one. Elsewhere the console check (stdin and stdout are terminals) is the best available guess.
     */
    static boolean isTerminal() {
        try {
            Path fd2 = Path.of("/proc/self/fd/2");
            if (Files.exists(fd2, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (Exception e) {
            // fall through to the console check
        }
        return System.console() != null;
    }

    /** Shows that item {@code name} is being processed (done counts the ones before it). */
    void step(String name) {
        if (!enabled) return;
        draw(name);
        done++;
    }

    void done() {
        if (!enabled) return;
        draw("done");
        err.print('\n');
        err.flush();
    }

    String line(String name) {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        String label = name.length() > 40 ? name.substring(0, 39) + "…" : name;
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + label;
    }

    private int drawn;

    private void draw(String name) {
        // Spaces over the tail of a longer previous line: no terminal escape codes, so a log that captures stderr stays
        // plain text.
        String line = line(name);
        err.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
        drawn = line.length();
        err.flush();
    }
}
