package org.myelomacds.cli;

import org.myelomacds.engine.RulebaseException;
import picocli.CommandLine;

/**
 * The CLI's exit codes, contract for scripts (README, "Exit codes"), and picocli's mapping of a command's failure
 * to one: a command throws {@link CommandFailure} (or lets a {@link RulebaseException} out) instead of printing
 * and returning a code itself.
 */
public final class ExitCode implements CommandLine.IExitCodeExceptionMapper {
    public static final int OK = 0;
    /** A check ran and failed (rules test, rules coverage, load with errors). */
    public static final int CHECK_FAILED = 1;
    public static final int USAGE = 2;
    public static final int INVALID_INPUT = 3;
    public static final int RULEBASE_ERROR = 4;
    /** A bug: an exception no command expected (the message says "internal error"). */
    public static final int INTERNAL_ERROR = 1;

    @Override
    public int getExitCode(Throwable failure) {
        if (failure instanceof CommandFailure f) return f.exitCode();
        if (failure instanceof RulebaseException) return RULEBASE_ERROR;
        // picocli asks the mapping for its own usage errors too (an unknown option, a missing parameter).
        if (failure instanceof CommandLine.ParameterException) return USAGE;
        return INTERNAL_ERROR;
    }

    /** What the user reads on stderr for a failure the mapping knows; null for an internal error. */
    static String message(Throwable failure) {
        if (failure instanceof CommandFailure f) return f.text();
        if (failure instanceof RulebaseException e) return "myeloma-cds: " + e.getMessage() + "\n";
        return null;
    }

    /**
     * A command that cannot go on: the exit code and the text for stderr (each line prefixed as the user sees it,
     * newline-terminated). Thrown, not returned, so each command says what went wrong once and Main prints it.
     */
    public static final class CommandFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int exitCode;
        private final String text;

        private CommandFailure(int exitCode, String text) {
            super(text.strip(), null, false, false);
            this.exitCode = exitCode;
            this.text = text;
        }

        /** "myeloma-cds: " + message, then each detail indented on its own line. */
        public static CommandFailure of(int exitCode, String message, Iterable<String> details) {
            StringBuilder b = new StringBuilder("myeloma-cds: ").append(message).append('\n');
            for (String d : details) b.append("  ").append(d).append('\n');
            return new CommandFailure(exitCode, b.toString());
        }

        public static CommandFailure of(int exitCode, String message) {
            return of(exitCode, message, java.util.List.of());
        }

        public static CommandFailure usage(String message) { return of(USAGE, message); }

        public static CommandFailure invalidInput(String message) { return of(INVALID_INPUT, message); }

        int exitCode() { return exitCode; }

        String text() { return text; }
    }
}
