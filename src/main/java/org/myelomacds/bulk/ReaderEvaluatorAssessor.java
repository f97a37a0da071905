package org.myelomacds.bulk;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.myelomacds.assessor.AssessmentResult;
import org.myelomacds.assessor.Assessor;
import org.myelomacds.engine.Rulebase;
import org.myelomacds.evidence.terminology.Terminology;
import org.myelomacds.fhir.BundleReader;

/**
 * {@link PatientAssessor} over the {@link Assessor}, the path every front end takes: screening decides a bundle
 * exactly as {@code evaluate} does (an unreadable bundle is refused, one with unreadable parts is refused unless a
 * partial answer was asked for).
 */
public final class ReaderEvaluatorAssessor implements PatientAssessor {
    private final Assessor assessor;
    private final Rulebase rulebase;

    public ReaderEvaluatorAssessor(BundleReader reader, Rulebase rulebase) {
        this.assessor = new Assessor(reader, Assessor.Rules.of(rulebase));
        this.rulebase = rulebase;
    }

    @Override
    public AssessmentResult assess(ObjectNode bundle, LocalDate asOf, org.myelomacds.facts.Jurisdiction jurisdiction,
                                   boolean allowPartial) {
        return assessor.assess(bundle, asOf, jurisdiction, allowPartial);
    }

    @Override public String rulebaseVersion() { return rulebase.version(); }
    @Override public String rulebaseSha256() { return rulebase.sha256(); }
    @Override public Terminology terminology() { return rulebase.terminology(); }
}
