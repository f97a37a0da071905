package org.myelomacds.assessor;

import org.myelomacds.assessment.Assessment;
import org.myelomacds.facts.UnreadableInput;

import java.util.List;

/**
 * What came of one bundle. Front ends only map it: the CLI to an exit code and a message on stderr, the server to
 * an HTTP status and an OperationOutcome, the review page to a status and a plain-text message, screening to a row.
 * The decisions (refuse an unreadable bundle, refuse one with unreadable parts unless a partial answer was asked
 * for) are made once, in {@link Assessor}.
 */
public sealed interface AssessmentResult {

    /** An assessment; {@code unreadParts} are the parts it was made without (only when a partial answer was asked for). */
    record Assessed(Assessment assessment, List<UnreadableInput> unreadParts) implements AssessmentResult {
        public Assessed {
            unreadParts = List.copyOf(unreadParts);
        }
    }

    /**
     * The bundle as a whole was refused: not JSON, not an R4 Bundle, no or several patients — or readable but about a
     * patient who must not be assessed ({@code mustNotBeAssessed}: deceased on or before the evaluation date).
     * {@code message} names the problem and where; {@code details} are the further located problems, one line each.
     */
    record Unreadable(String message, List<String> details, List<UnreadableInput> problems, boolean mustNotBeAssessed)
            implements AssessmentResult {
        public Unreadable {
            details = List.copyOf(details);
            problems = List.copyOf(problems);
        }
    }

    /** Parts of the bundle could not be read and a partial answer was not asked for: no assessment is given. */
    record Incomplete(List<UnreadableInput> problems) implements AssessmentResult {
        public Incomplete {
            problems = List.copyOf(problems);
        }
    }

    /**
     * The rules gave no answer: they failed to load or compile ({@code duringEvaluation} false), or they failed while
     * evaluating this patient (a rule loop, a rule that refuses to continue).
     */
    record RulebaseFailure(String message, boolean duringEvaluation) implements AssessmentResult {}
}
