package org.myelomacds.server;

import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessor.AssessmentResult;
import org.myelomacds.facts.UnreadableInput;

import java.util.ArrayList;
import java.util.List;

/**
 * The server's side of the one assessment path: an {@link AssessmentResult} through the admission gate, and
 * anything but an assessment turned into the OperationOutcome the client reads (400 unreadable, 422 a patient not
 * to be assessed or unreadable parts, 500 a rulebase failure).
 */
final class ServerAssessments {
    private final EvaluationGate gate;

    ServerAssessments(EvaluationGate gate) {
        this.gate = gate;
    }

    /** One assessment through the admission gate; anything but an assessment becomes the refusal the client reads. */
    Assessment evaluate(java.util.function.Supplier<AssessmentResult> assess) {
        return assessmentOrRefusal(gate.run(assess));
    }

    static Assessment assessmentOrRefusal(AssessmentResult result) {
        if (result instanceof AssessmentResult.Assessed a) return a.assessment();
        if (result instanceof AssessmentResult.Unreadable u) {
            // Unreadable input is the client's malformed request (400); a readable bundle whose patient must not be
            // assessed (deceased) is well-formed but unprocessable (422, a business rule).
            String code = u.mustNotBeAssessed() ? "business-rule" : "invalid";
            List<OperationOutcome.Issue> issues = new ArrayList<>();
            issues.add(new OperationOutcome.Issue("error", code, u.message(), List.of()));
            for (String d : u.details()) issues.add(new OperationOutcome.Issue("error", code, d, List.of()));
            throw ApiException.of(u.mustNotBeAssessed() ? 422 : 400, issues);
        }
        if (result instanceof AssessmentResult.Incomplete i) {
            List<OperationOutcome.Issue> issues = new ArrayList<>();
            issues.add(new OperationOutcome.Issue("error", "invalid", i.problems().size()
                    + " part(s) of the bundle could not be read; refusing to answer on incomplete data (allowPartial=true "
                    + "evaluates with them listed as data gaps)", List.of()));
            for (UnreadableInput p : i.problems()) issues.add(new OperationOutcome.Issue("error", "invalid", p.describe(), List.of()));
            throw ApiException.of(422, issues);
        }
        throw ApiException.of(500, "exception", "the rulebase could not evaluate this patient: "
                + ((AssessmentResult.RulebaseFailure) result).message());
    }
}
