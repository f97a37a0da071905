package org.myelomacds.engine;

/** A compile problem located as file:line:column (line 0 when the compiler could not say). */
public record RuleProblem(String file, int line, int column, String severity, String message) {
    @Override public String toString() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) b.append(':').append(line);
        if (line > 0 && column > 0) b.append(':').append(column);
        return b.append(": ").append(severity.toLowerCase(java.util.Locale.ROOT)).append(": ").append(message).toString();
    }
}
