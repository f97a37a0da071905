package org.myelomacds.bulk;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.myelomacds.engine.EvaluationException;
import org.myelomacds.engine.Evaluator;
import org.myelomacds.engine.Rulebase;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.fhir.BundleReader;
import org.myelomacds.fhir.InvalidBundleException;

/**
 * {@link PatientAssessor} over the reader and the evaluator, deciding as {@code evaluate} does: an unreadable
 * bundle is refused, one with unreadable parts is refused unless a partial answer was asked for.
 */
public final class ReaderEvaluatorAssessor implements PatientAssessor {
    private final BundleReader reader;
    private final Evaluator evaluator;

    public ReaderEvaluatorAssessor(BundleReader reader, Rulebase rulebase) {
        this.reader = reader;
        this.evaluator = new Evaluator(rulebase);
    }

    @Override
    public Outcome assess(ObjectNode bundle, LocalDate asOf, Jurisdiction jurisdiction, boolean allowPartial) {
        PatientRecord record;
        try {
            record = reader.read(bundle, asOf, evaluator.rulebase().terminology());
        } catch (InvalidBundleException e) {
            return new Unreadable(e.getMessage(), e.problems());
        }
        if (!record.isComplete() && !allowPartial) return new Incomplete(record.unreadable());
        try {
            return new Assessed(evaluator.evaluate(record, new EvaluationContext(asOf, jurisdiction)), record.unreadable());
        } catch (EvaluationException e) {
            return new RulebaseFailure(e.getMessage());
        }
    }

    @Override public String rulebaseVersion() { return evaluator.rulebase().version(); }
    @Override public String rulebaseSha256() { return evaluator.rulebase().sha256(); }
    @Override public org.myelomacds.evidence.terminology.Terminology terminology() { return evaluator.rulebase().terminology(); }
}
