package org.myelomacds.engine;

import java.time.Instant;
import java.util.List;

/**
 * One hot-reload attempt: when it ran, whether the new rulebase was swapped in, the sha256 of what was compiled,
 * and the problems that kept it out (compile errors as file:line, or the scenarios whose result changed).
 */
public record ReloadAttempt(Instant at, boolean swapped, String candidateSha256, List<String> problems) {
    public ReloadAttempt {
        problems = List.copyOf(problems);
    }
}
