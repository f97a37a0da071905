package org.myelomacds.fhir;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.myelomacds.facts.ClinicalCondition;
import org.myelomacds.facts.ConditionKind;
import org.myelomacds.facts.ConditionSeverity;
import org.myelomacds.evidence.terminology.ConditionTerms;

/**
 * Condition → ClinicalCondition. Unrecognised codes are skipped silently (most conditions in a record are not
 * the engine's business); refuted and entered-in-error conditions are ignored entirely.
 */
final class ConditionMapper {
    private ConditionMapper() { }

    private static final Pattern GRADE = Pattern.compile("grade\\s*([0-5])", Pattern.CASE_INSENSITIVE);
    private static final Pattern NYHA = Pattern.compile("(?:nyha|class)\\s*(?:class\\s*)?(iv|iii|ii|i|[1-4])\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CKD_STAGE = Pattern.compile("stage\\s*([1-5])", Pattern.CASE_INSENSITIVE);

    static void map(Condition condition, EntryContext ctx) {
        if (isRefutedOrError(condition)) return;
        ConditionTerms terms = ctx.terms().conditions();
        CodeableConcept code = condition.getCode();
        String text = Concepts.text(code);
        ConditionTerms.Match match = null;
        String codeKey = null;
        for (Coding c : code.getCoding()) {
            String codingText = (c.hasDisplay() ? c.getDisplay() : "") + " " + (code.hasText() ? code.getText() : "");
            Optional<ConditionTerms.Match> m = terms.classify(c.getSystem(), c.getCode(), codingText);
            if (m.isPresent()) {
                match = m.get();
                codeKey = Concepts.systemCode(c);
                break;
            }
        }
        if (match == null) {
            // A condition named in its text alone (smouldering myeloma: §9.1 allows no other).
            Optional<ConditionKind> named = terms.byText(text);
            if (named.isPresent()) match = new ConditionTerms.Match(named.get(), null, null);
        }
        if (match == null) return;

        ConditionSeverity severity = match.severity() != null ? match.severity() : codedSeverity(condition, terms);
        Integer stage = match.stage() != null ? match.stage() : stageFromText(match.kind(), condition);
        LocalDate onset = onset(condition);
        ctx.out().conditions.add(new ClinicalCondition(match.kind(), severity, stage, isActive(condition), onset,
                codeKey, Concepts.display(code), ctx.provenance(onset)));
    }

    private static boolean isRefutedOrError(Condition condition) {
        for (Coding c : condition.getVerificationStatus().getCoding()) {
            if ("refuted".equals(c.getCode()) || "entered-in-error".equals(c.getCode())) return true;
        }
        return false;
    }

    /** Absent clinicalStatus counts as active: a diagnosis on the problem list is current unless it says otherwise. */
    private static boolean isActive(Condition condition) {
        for (Coding c : condition.getClinicalStatus().getCoding()) {
            String s = c.getCode();
            if ("inactive".equals(s) || "remission".equals(s) || "resolved".equals(s)) return false;
        }
        return true;
    }

    private static ConditionSeverity codedSeverity(Condition condition, ConditionTerms terms) {
        for (Coding c : condition.getSeverity().getCoding()) {
            Optional<ConditionSeverity> s = terms.severity(c.getSystem(), c.getCode());
            if (s.isPresent()) return s.get();
        }
        return terms.severityFromText(Concepts.text(condition.getSeverity())).orElse(null);
    }

    /** Grade, NYHA class or CKD stage written in Condition.stage (summary or type) or, failing that, the code text. */
    private static Integer stageFromText(ConditionKind kind, Condition condition) {
        StringBuilder b = new StringBuilder();
        for (Condition.ConditionStageComponent s : condition.getStage()) {
            b.append(Concepts.text(s.getSummary())).append(" | ").append(Concepts.text(s.getType())).append(" | ");
        }
        b.append(Concepts.text(condition.getCode()));
        String text = b.toString();
        switch (kind) {
            case PERIPHERAL_NEUROPATHY: return firstInt(GRADE, text);
            case HEART_FAILURE: return nyha(text);
            case CHRONIC_KIDNEY_DISEASE: return firstInt(CKD_STAGE, text);
            default: return null;
        }
    }

    private static Integer firstInt(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static Integer nyha(String text) {
        Matcher m = NYHA.matcher(text);
        if (!m.find()) return null;
        switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "i": case "1": return 1;
            case "ii": case "2": return 2;
            case "iii": case "3": return 3;
            default: return 4;
        }
    }

    private static LocalDate onset(Condition condition) {
        LocalDate onset = condition.hasOnset() ? FhirDates.startOf(condition.getOnset()) : null;
        if (onset == null && condition.hasRecordedDateElement()) onset = FhirDates.of(condition.getRecordedDateElement());
        return onset;
    }
}
