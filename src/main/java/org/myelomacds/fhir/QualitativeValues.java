package org.myelomacds.fhir;

import java.util.List;
import java.util.Optional;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.myelomacds.evidence.terminology.ResultTerms;

/**
 * Positive/negative readings of coded or free-text results (HBsAg, antibody screen, IFE, FISH), with the codes and
 * words of the terminology's result-negative, result-positive and result-normal value sets.
 */
final class QualitativeValues {
    private QualitativeValues() { }

    static Optional<String> polarity(CodeableConcept concept, ResultTerms terms) {
        if (concept == null) return Optional.empty();
        for (Coding c : concept.getCoding()) {
            Optional<String> p = terms.polarity(c.getSystem(), c.getCode());
            if (p.isPresent()) return p;
        }
        return terms.polarity(Concepts.text(concept));
    }

    static Optional<String> polarity(List<CodeableConcept> concepts, ResultTerms terms) {
        for (CodeableConcept c : concepts) {
            Optional<String> p = polarity(c, terms);
            if (p.isPresent()) return p;
        }
        return Optional.empty();
    }
}
