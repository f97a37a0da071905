package org.myelomacds.cli;

import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessor.AssessmentResult;
import org.myelomacds.facts.UnreadableInput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A bundle named on the command line, and what the CLI makes of an {@link AssessmentResult}: the assessment, or a
 * {@link ExitCode.CommandFailure} saying what and where (exit 3 for the input, 4 for the rules).
 */
final class BundleInput {
    private BundleInput() {}

    /** The bytes of the file, or of standard input for '-'. */
    static byte[] read(String bundle) {
        try {
            return "-".equals(bundle) ? System.in.readAllBytes() : Files.readAllBytes(Path.of(bundle));
        } catch (NoSuchFileException e) {
            throw ExitCode.CommandFailure.invalidInput("cannot read " + bundle + ": no such file");
        } catch (IOException e) {
            throw ExitCode.CommandFailure.invalidInput("cannot read " + bundle + ": " + e.getMessage());
        }
    }

    /** How messages name the bundle. */
    static String source(String bundle) {
        return "-".equals(bundle) ? "<stdin>" : bundle;
    }

    /**
     * The assessment, or the failure that explains why there is none; {@code refusal} is the command's words for
     * declining a bundle with unreadable parts (what it refuses to do, and how to ask for it anyway).
     */
    static Assessment assessment(AssessmentResult result, String source, String refusal) {
        if (result instanceof AssessmentResult.Assessed a) return a.assessment();
        if (result instanceof AssessmentResult.Unreadable u) {
            throw ExitCode.CommandFailure.of(ExitCode.INVALID_INPUT, source + ": " + u.message(), u.details());
        }
        if (result instanceof AssessmentResult.Incomplete i) {
            throw ExitCode.CommandFailure.of(ExitCode.INVALID_INPUT, source + ": " + i.problems().size()
                    + " part(s) of the bundle could not be read; " + refusal + ":",
                    i.problems().stream().map(UnreadableInput::describe).toList());
        }
        throw ExitCode.CommandFailure.of(ExitCode.RULEBASE_ERROR, ((AssessmentResult.RulebaseFailure) result).message());
    }
}
