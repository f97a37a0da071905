package org.myelomacds.cli;

import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessor.AssessmentResult;
import org.myelomacds.facts.UnreadableInput;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A bundle named on the command line, and what the CLI makes of an {@link AssessmentResult}: the assessment, or a
 * {@link ExitCode.CommandFailure} saying what and where (exit 3 for the input, 4 for the rules).
 */
final class BundleInput {
    private BundleInput() {}

    /**
     * The file, or standard input for '-', as a stream: the bundle is read by the streaming scan as it comes, never
     * held whole, so a 50 MB record costs what the engine keeps of it. A file that cannot be opened is refused here.
     */
    static InputStream open(String bundle) {
        if ("-".equals(bundle)) return new BufferedInputStream(System.in, 64 * 1024);
        try {
            Path path = Path.of(bundle);
            if (Files.isDirectory(path)) throw ExitCode.CommandFailure.invalidInput("cannot read " + bundle + ": it is a directory");
            return new BufferedInputStream(Files.newInputStream(path), 64 * 1024);
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
