package org.myelomacds.bulk;

import java.time.LocalDate;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.myelomacds.assessor.AssessmentResult;
import org.myelomacds.evidence.terminology.Terminology;
import org.myelomacds.facts.Jurisdiction;

/**
 * Assesses one assembled patient bundle: the only way screening reaches the engine, so it answers exactly what
 * {@code evaluate} answers for the same bundle. One implementation per rulebase; safe to call from many threads.
 */
public interface PatientAssessor {

    AssessmentResult assess(ObjectNode bundle, LocalDate asOf, Jurisdiction jurisdiction, boolean allowPartial);

    String rulebaseVersion();

    String rulebaseSha256();

    /** The codes the assessor reads bundles with (its rulebase's terminology); screening triages lines with them too. */
    Terminology terminology();
}
