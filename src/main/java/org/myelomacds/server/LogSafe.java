package org.myelomacds.server;

/**
 * Client-supplied text made safe for a log line: control characters (a newline would start a forged line), quotes and
 * backslashes are escaped and the length is capped, so one request writes exactly one line that says what it was sent.
 */
public final class LogSafe {
    static final int MAX_CHARS = 200;

    private LogSafe() { }

    public static String value(String s) {
        if (s == null) return "null";
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_CHARS) + 8);
        int n = Math.min(s.length(), MAX_CHARS);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
                            || Character.getType(c) == Character.FORMAT) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        if (s.length() > MAX_CHARS) b.append("…(").append(s.length()).append(" chars)");
        return b.toString();
    }
}
