package org.myelomacds.evidence.terminology;

import java.util.Locale;

/** A problem in rules/terminology/, located as file:line:column (file relative to the rule root). */
public record TerminologyProblem(String file, int line, int column, Severity severity, String message) {
    public enum Severity { ERROR, WARNING }

    static TerminologyProblem error(ValueSet.Location at, String message) {
        return new TerminologyProblem(at.file(), at.line(), at.column(), Severity.ERROR, message);
    }

    static TerminologyProblem warning(ValueSet.Location at, String message) {
        return new TerminologyProblem(at.file(), at.line(), at.column(), Severity.WARNING, message);
    }

    public boolean isError() { return severity == Severity.ERROR; }

    @Override public String toString() {
        return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": "
                + severity.name().toLowerCase(Locale.ROOT) + ": " + message;
    }
}
