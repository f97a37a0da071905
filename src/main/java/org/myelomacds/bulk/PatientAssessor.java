package org.myelomacds.bulk;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.myelomacds.assessment.Assessment;
import org.myelomacds.evidence.terminology.Terminology;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.facts.UnreadableInput;

/**
 * Assesses one assembled patient bundle: the only way screening reaches the engine, so it answers exactly what
 * {@code evaluate} answers for the same bundle. One implementation per rulebase; safe to call from many threads.
 */
public interface PatientAssessor {

    Outcome assess(ObjectNode bundle, LocalDate asOf, Jurisdiction jurisdiction, boolean allowPartial);

    String rulebaseVersion();

    String rulebaseSha256();

    /** The codes the assessor reads bundles with (its rulebase's terminology); screening triages lines with them too. */
    Terminology terminology();

    /** What came of one bundle. */
    sealed interface Outcome permits Assessed, Unreadable, Incomplete, RulebaseFailure {}

    /** An assessment; {@code unreadParts} are the parts it was made without (only with allowPartial). */
    record Assessed(Assessment assessment, List<UnreadableInput> unreadParts) implements Outcome {}

    /** The bundle as a whole cannot be read (no Patient, not FHIR R4, …). */
    record Unreadable(String message, List<UnreadableInput> problems) implements Outcome {}

    /** Parts could not be read and a partial answer was not asked for. */
    record Incomplete(List<UnreadableInput> problems) implements Outcome {}

    /** The rulebase failed while evaluating (a rule loop, a refusing rule). */
    record RulebaseFailure(String message) implements Outcome {}
}
