package org.myelomacds.fhir;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.myelomacds.facts.ClinicalCondition;
import org.myelomacds.facts.ProcedureKind;
import org.myelomacds.facts.ProcedureRecord;
import org.myelomacds.facts.ConditionCertainty;
import org.myelomacds.facts.ConditionKind;
import org.myelomacds.facts.ConditionSeverity;
import org.myelomacds.facts.UnrecognisedCode;
import org.myelomacds.evidence.terminology.ConditionTerms;

/**
 * Condition → ClinicalCondition. Unrecognised codes are skipped silently (most conditions in a record are not
 * the engine's business).
 *
 * <p>Statuses, each with one stated effect:
 * <ul>
 *   <li>verificationStatus refuted or entered-in-error: ignored entirely;</li>
 *   <li>provisional, differential or unconfirmed: a POSSIBLE condition (an INFO note and a data gap, never an
 *       exclusion on its own: the engine inserts it as a PossibleCondition, which no diagnosis rule reads);</li>
 *   <li>confirmed or absent: the diagnosis as stated;</li>
 *   <li>clinicalStatus active, recurrence or relapse (or absent without an abatement): active; inactive, remission,
 *       resolved, or absent with an abatement date: not active. Rules decide what "not active" means per concept
 *       (a resolved COPD is still a history of COPD for the daratumumab label, rules/flags/pulmonary.drl).</li>
 * </ul>
 */
final class ConditionMapper {
    private ConditionMapper() { }

    private static final Pattern GRADE = Pattern.compile("grade\\s*([0-5])", Pattern.CASE_INSENSITIVE);
    private static final Pattern NYHA = Pattern.compile("(?:nyha|class)\\s*(?:class\\s*)?(iv|iii|ii|i|[1-4])\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CKD_STAGE = Pattern.compile("stage\\s*([1-5])", Pattern.CASE_INSENSITIVE);

    static void map(Condition condition, EntryContext ctx) {
        if (isRefutedOrError(condition)) return;
        if (transplantHistory(condition, ctx)) return;
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
        if (match == null) {
            unrecognised(condition, ctx);
            return;
        }

        ConditionSeverity severity = match.severity() != null ? match.severity() : codedSeverity(condition, terms);
        Integer stage = match.stage() != null ? match.stage() : codedStage(match.kind(), condition, terms);
        if (stage == null) stage = stageFromText(match.kind(), condition);
        LocalDate onset = onset(condition);
        String clinicalStatus = clinicalStatus(condition);
        String verification = statusCode(condition.getVerificationStatus(), VERIFICATION_STATUSES);
        ConditionCertainty certainty = verification != null && POSSIBLE.contains(verification) ? ConditionCertainty.POSSIBLE : ConditionCertainty.CONFIRMED;
        ClinicalCondition mapped = new ClinicalCondition(match.kind(), severity, stage, clinicalStatus == null || !INACTIVE.contains(clinicalStatus),
                clinicalStatus, certainty, verification, onset, onsetLatest(condition), abatement(condition, FhirDates::startOf),
                abatement(condition, FhirDates::latestEndOf),
                condition.hasRecordedDateElement() ? FhirDates.of(condition.getRecordedDateElement()) : null,
                condition.hasRecordedDateElement() ? FhirDates.latest(condition.getRecordedDateElement()) : null, codeKey, Concepts.displayOrCode(code), ctx.provenance(onset, onsetLatest(condition)));
        // The recordedDate standing in for a missing onset is when the entry was written, not when the disease began.
        boolean onsetStated = condition.hasOnset() && FhirDates.startOf(condition.getOnset()) != null;
        ctx.out().conditions.add(onset != null && !onsetStated ? mapped.withOnsetNotStated() : mapped);
        if (match.kind().isMultipleMyeloma() && certainty == ConditionCertainty.CONFIRMED) {
            statedIsotype(condition, ctx.provenance(onset, onsetLatest(condition)), ctx);
        }
    }

    /**
     * The isotype a confirmed myeloma diagnosis states in its own words (code.text, a coding's display, a note: "IgG kappa
     * multiple myeloma"), for the involved light chain of the free-light-chain criterion (FreeLightChainSeries,
     * CDS-POLICY-FLC-INVOLVED). Each light chain the Condition names is one record, with the words it was read from, so
     * a Condition whose texts disagree leaves the chain unknown as two records that disagree do.
     */
    private static void statedIsotype(Condition condition, org.myelomacds.facts.Provenance provenance, EntryContext ctx) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        if (condition.getCode().hasText()) texts.add(condition.getCode().getText());
        for (Coding c : condition.getCode().getCoding()) if (c.hasDisplay()) texts.add(c.getDisplay());
        for (org.hl7.fhir.r4.model.Annotation note : condition.getNote()) if (note.hasText()) texts.add(note.getText());
        java.util.Set<String> chains = new java.util.HashSet<>();
        for (String text : texts) {
            ctx.terms().isotypes().parseStated(text).ifPresent(i -> {
                if (chains.add(i.lightChain())) {
                    ctx.out().isotypes.add(org.myelomacds.facts.ParaproteinIsotype.statedByDiagnosis(
                            i.heavyChain(), i.lightChain(), provenance, text.strip()));
                }
            });
        }
    }

    /**
     * A Condition that says a stem-cell transplant was done ("History of autologous bone marrow transplant", Z94.84) is
     * the transplant itself, as a Procedure would have said: records without transplant Procedures carry it this way.
     * It is dated by its onset (or recorded date), the best the record gives; with neither it is undated and the
     * timeline says the history cannot be placed.
     */
    private static boolean transplantHistory(Condition condition, EntryContext ctx) {
        for (Coding c : condition.getCode().getCoding()) {
            Optional<ProcedureKind> kind = ctx.terms().procedures().transplantHistoryByCode(c.getSystem(), c.getCode());
            if (kind.isEmpty()) continue;
            LocalDate onset = onset(condition);
            ctx.out().procedures.add(new ProcedureRecord(kind.get(), onset, onsetLatest(condition), false, null,
                    ctx.provenance(onset), statedPurpose(condition, ctx)));
            return true;
        }
        return false;
    }

    /**
     * What a transplant history Condition says the transplant was for. A Condition has no reason element, so only its
     * own words can say it ("History of allogeneic bone marrow transplant for acute myeloid leukaemia" as code text, or a
     * note): each read with the condition words; a text naming no condition states nothing.
     */
    private static java.util.List<org.myelomacds.facts.TherapyReason> statedPurpose(Condition condition, EntryContext ctx) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        if (condition.getCode().hasText()) texts.add(condition.getCode().getText());
        for (org.hl7.fhir.r4.model.Annotation note : condition.getNote()) if (note.hasText()) texts.add(note.getText());
        java.util.List<org.myelomacds.facts.TherapyReason> out = new java.util.ArrayList<>();
        for (String text : texts) {
            ctx.terms().conditions().byText(text).ifPresent(kind ->
                    out.add(new org.myelomacds.facts.TherapyReason(kind, text.strip(), null, false)));
        }
        return out;
    }

    /**
     * A Condition no condition set recognised is listed for a reviewer when its code lies in a category the engine
     * reads (an unknown COPD or heart-failure code would otherwise drop a flag silently); other unknown conditions are
     * not the engine's business and stay silent.
     */
    private static void unrecognised(Condition condition, EntryContext ctx) {
        CodeableConcept code = condition.getCode();
        String text = Concepts.text(code);
        for (Coding c : code.getCoding()) {
            String words = (c.hasDisplay() ? c.getDisplay() : "") + " " + (code.hasText() ? code.getText() : "");
            Optional<String> category = ctx.terms().review().conditionCategory(c.getSystem(), c.getCode(), words);
            if (category.isPresent()) {
                ctx.out().unrecognised.add(new UnrecognisedCode("Condition", ctx.reference(), c.getSystem(), c.getCode(),
                        c.hasDisplay() ? c.getDisplay() : text, category.get()));
                return;
            }
        }
        if (!code.hasCoding()) {
            ctx.terms().review().conditionCategory(null, null, text).ifPresent(category ->
                    ctx.out().unrecognised.add(new UnrecognisedCode("Condition", ctx.reference(), null, null, text, category)));
        }
    }

    private static final Set<String> CLINICAL_STATUSES = Set.of("active", "recurrence", "relapse", "inactive", "remission", "resolved");
    private static final Set<String> INACTIVE = Set.of("inactive", "remission", "resolved", "abated");
    private static final Set<String> VERIFICATION_STATUSES = Set.of("unconfirmed", "provisional", "differential", "confirmed",
            "refuted", "entered-in-error");
    private static final Set<String> POSSIBLE = Set.of("unconfirmed", "provisional", "differential");

    private static boolean isRefutedOrError(Condition condition) {
        String s = statusCode(condition.getVerificationStatus(), VERIFICATION_STATUSES);
        return "refuted".equals(s) || "entered-in-error".equals(s);
    }

    /**
     * The recorded clinicalStatus; without one, "abated" when an abatement is recorded (FHIR: a condition with an
     * abatement is no longer active), else null, which counts as active: a diagnosis on the problem list is current
     * unless it says otherwise.
     */
    private static String clinicalStatus(Condition condition) {
        String s = statusCode(condition.getClinicalStatus(), CLINICAL_STATUSES);
        if (s == null && condition.hasAbatement()) return "abated";
        return s;
    }

    /** The first coding whose code is one of FHIR's status codes (any system: records omit or vary it). */
    private static String statusCode(CodeableConcept cc, Set<String> known) {
        for (Coding c : cc.getCoding()) {
            String s = c.getCode() == null ? null : c.getCode().trim().toLowerCase(Locale.ROOT);
            if (s != null && known.contains(s)) return s;
        }
        return null;
    }

    private static ConditionSeverity codedSeverity(Condition condition, ConditionTerms terms) {
        for (Coding c : condition.getSeverity().getCoding()) {
            Optional<ConditionSeverity> s = terms.severity(c.getSystem(), c.getCode());
            if (s.isPresent()) return s.get();
        }
        return terms.severityFromText(Concepts.text(condition.getSeverity())).orElse(null);
    }

    /**
     * A stage, class or grade coded in Condition.stage.summary with a code of the condition's own stage sub-concepts
     * (a heart failure whose stage is SNOMED 420913000, NYHA class III).
     */
    private static Integer codedStage(ConditionKind kind, Condition condition, ConditionTerms terms) {
        for (Condition.ConditionStageComponent s : condition.getStage()) {
            for (Coding c : s.getSummary().getCoding()) {
                Optional<ConditionTerms.Match> m = terms.classify(c.getSystem(), c.getCode(), c.hasDisplay() ? c.getDisplay() : "");
                if (m.isPresent() && m.get().kind() == kind && m.get().stage() != null) return m.get().stage();
            }
        }
        return null;
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

    /**
     * A day of the abatement[x] as {@code day} reads it (its earliest: the dateTime or the Period's start; its latest:
     * the last day of a partial dateTime or of the Period's end); null for an undated abatement (Age, Range, string,
     * boolean), whose date the record does not give.
     */
    private static LocalDate abatement(Condition condition, java.util.function.Function<org.hl7.fhir.r4.model.Type, LocalDate> day) {
        if (!condition.hasAbatement()) return null;
        org.hl7.fhir.r4.model.Type a = condition.getAbatement();
        LocalDate d = day.apply(a);
        if (d == null) d = FhirDates.latestStartOf(a);                               // a dateTime, or a Period with no end
        return d;
    }

    /** The latest day the onset (or the recorded date, without one) can stand for. */
    private static LocalDate onsetLatest(Condition condition) {
        LocalDate onset = condition.hasOnset() ? FhirDates.latestStartOf(condition.getOnset()) : null;
        if (onset == null && condition.hasRecordedDateElement()) onset = FhirDates.latest(condition.getRecordedDateElement());
        return onset;
    }

    private static LocalDate onset(Condition condition) {
        LocalDate onset = condition.hasOnset() ? FhirDates.startOf(condition.getOnset()) : null;
        if (onset == null && condition.hasRecordedDateElement()) onset = FhirDates.of(condition.getRecordedDateElement());
        return onset;
    }
}
