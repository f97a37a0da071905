package org.myelomacds.fhir.terminology;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.myelomacds.facts.ConditionKind;
import org.myelomacds.facts.ConditionSeverity;

/**
 * Diagnosis codes (clinical-evidence.md §9.1). Status tags: V verified, T third-party list only, U unverified,
 * M added here and not in §9. ICD-10-CM codes are matched as categories (prefixes) because producers code
 * to different depths (J44.9 vs J44.1, N18.30 vs N18.3).
 */
public final class ConditionCodes {
    private ConditionCodes() { }

    /** What a code says about a condition: its kind and, where the code itself carries them, severity and stage. */
    public record Match(ConditionKind kind, ConditionSeverity severity, Integer stage) {
        static Match of(ConditionKind kind) { return new Match(kind, null, null); }
        static Match of(ConditionKind kind, ConditionSeverity severity) { return new Match(kind, severity, null); }
        static Match staged(ConditionKind kind, Integer stage) { return new Match(kind, null, stage); }
    }

    // ---- ICD-10-CM (§9.1) ----
    /** V: multiple myeloma not having achieved remission. */
    public static final String ICD_MM = "C90.00";
    /** U: C90.0 without the fifth character (non-billable parent, still seen in feeds). */
    public static final String ICD_MM_PARENT = "C90.0";
    /** V: MM in remission. */
    public static final String ICD_MM_REMISSION = "C90.01";
    /** V: MM in relapse. */
    public static final String ICD_MM_RELAPSE = "C90.02";
    /** U: plasma cell leukaemia category. */
    public static final String ICD_PLASMA_CELL_LEUKEMIA = "C90.1";
    /** U: extramedullary plasmacytoma category. */
    public static final String ICD_EXTRAMEDULLARY_PLASMACYTOMA = "C90.2";
    /** U (V as excludes1): solitary plasmacytoma category. */
    public static final String ICD_SOLITARY_PLASMACYTOMA = "C90.3";
    /** V: MGUS; also smoldering MM per AHA Coding Clinic 2021 Q3 — disambiguated by text (§9.1). */
    public static final String ICD_MGUS_OR_SMOLDERING = "D47.2";
    /** U: AL amyloidosis. */
    public static final String ICD_AL_AMYLOIDOSIS = "E85.81";
    /** U: COPD category (J44.0, J44.1, J44.9, J44.81, J44.89). */
    public static final String ICD_COPD = "J44";
    /** U: emphysema category, read as COPD. */
    public static final String ICD_EMPHYSEMA = "J43";
    /** U: asthma category; the fourth character carries the persistence class. */
    public static final String ICD_ASTHMA = "J45";
    /** U */ public static final String ICD_ASTHMA_MILD_INTERMITTENT = "J45.2";
    /** U */ public static final String ICD_ASTHMA_MILD_PERSISTENT = "J45.3";
    /** U */ public static final String ICD_ASTHMA_MODERATE_PERSISTENT = "J45.4";
    /** U */ public static final String ICD_ASTHMA_SEVERE_PERSISTENT = "J45.5";
    /** U: CKD category N18.1–N18.5, N18.30–N18.32, N18.9 (stage = the fourth character). */
    public static final String ICD_CKD = "N18";
    /** U: CKD unspecified stage. */
    public static final String ICD_CKD_UNSPECIFIED = "N18.9";
    /** V: end-stage renal disease. */
    public static final String ICD_ESRD = "N18.6";
    /** V: dependence on renal dialysis. */
    public static final String ICD_DIALYSIS_DEPENDENCE = "Z99.2";
    /** M: polyneuropathies and other disorders of the peripheral nervous system, G60–G64 (incl. G62.x, G63). */
    public static final String[] ICD_NEUROPATHY_CATEGORIES = {"G60", "G61", "G62", "G63", "G64"};
    /** M: heart failure category. */
    public static final String ICD_HEART_FAILURE = "I50";
    /** U: chronic viral hepatitis B without delta agent. */
    public static final String ICD_CHRONIC_HEP_B = "B18.1";
    /** M: chronic viral hepatitis B with delta agent — still chronic HBV for reactivation screening. */
    public static final String ICD_CHRONIC_HEP_B_DELTA = "B18.0";
    /** U: carrier of viral hepatitis B. */
    public static final String ICD_HEP_B_CARRIER = "Z22.51";

    // ---- SNOMED CT (§9.1) ----
    /** V: multiple myeloma (disorder). */
    public static final String SCT_MM = "109989006";
    /** T: monoclonal gammopathy (MGUS). */
    public static final String SCT_MGUS = "277577000";
    /** V: COPD. */
    public static final String SCT_COPD = "13645005";
    /** V: moderate COPD. */
    public static final String SCT_COPD_MODERATE = "313297008";
    /** T: severe COPD. */
    public static final String SCT_COPD_SEVERE = "313299006";
    /** V: asthma. */
    public static final String SCT_ASTHMA = "195967001";
    /** T: CKD stage 1. */ public static final String SCT_CKD_1 = "431855005";
    /** T: CKD stage 2. */ public static final String SCT_CKD_2 = "431856006";
    /** T: CKD stage 3. */ public static final String SCT_CKD_3 = "433144002";
    /** M (T, several public CKD value sets): CKD stage 3A. */ public static final String SCT_CKD_3A = "700378005";
    /** M (T, several public CKD value sets): CKD stage 3B. */ public static final String SCT_CKD_3B = "700379002";
    /** T: CKD stage 4. */ public static final String SCT_CKD_4 = "431857002";
    /** M (T, several public CKD value sets): CKD stage 5. */ public static final String SCT_CKD_5 = "433146000";
    /** M (T, public CKD value sets): chronic kidney disease, stage not stated. */ public static final String SCT_CKD = "709044004";
    /** V: end-stage renal disease. */
    public static final String SCT_ESRD = "46177005";
    /** M: peripheral nerve disease. */
    public static final String SCT_PERIPHERAL_NERVE_DISEASE = "302226006";
    /** M: polyneuropathy. */
    public static final String SCT_POLYNEUROPATHY = "42345000";
    /** M: heart failure. */
    public static final String SCT_HEART_FAILURE = "84114007";

    // ---- Condition.severity (FHIR condition-severity value set, SNOMED) ----
    /** V (FHIR R4 condition-severity VS): mild. */ public static final String SCT_SEVERITY_MILD = "255604002";
    /** V (FHIR R4 condition-severity VS): moderate. */ public static final String SCT_SEVERITY_MODERATE = "6736007";
    /** V (FHIR R4 condition-severity VS): severe. */ public static final String SCT_SEVERITY_SEVERE = "24484000";

    private static final Map<String, Match> SNOMED = Map.ofEntries(
            Map.entry(SCT_MM, Match.of(ConditionKind.MULTIPLE_MYELOMA)),
            Map.entry(SCT_MGUS, Match.of(ConditionKind.MGUS)),
            Map.entry(SCT_COPD, Match.of(ConditionKind.COPD)),
            Map.entry(SCT_COPD_MODERATE, Match.of(ConditionKind.COPD, ConditionSeverity.MODERATE)),
            Map.entry(SCT_COPD_SEVERE, Match.of(ConditionKind.COPD, ConditionSeverity.SEVERE)),
            Map.entry(SCT_ASTHMA, Match.of(ConditionKind.ASTHMA)),
            Map.entry(SCT_CKD_1, Match.staged(ConditionKind.CHRONIC_KIDNEY_DISEASE, 1)),
            Map.entry(SCT_CKD_2, Match.staged(ConditionKind.CHRONIC_KIDNEY_DISEASE, 2)),
            Map.entry(SCT_CKD_3, Match.staged(ConditionKind.CHRONIC_KIDNEY_DISEASE, 3)),
            Map.entry(SCT_CKD_3A, Match.staged(ConditionKind.CHRONIC_KIDNEY_DISEASE, 3)),
            Map.entry(SCT_CKD_3B, Match.staged(ConditionKind.CHRONIC_KIDNEY_DISEASE, 3)),
            Map.entry(SCT_CKD_4, Match.staged(ConditionKind.CHRONIC_KIDNEY_DISEASE, 4)),
            Map.entry(SCT_CKD_5, Match.staged(ConditionKind.CHRONIC_KIDNEY_DISEASE, 5)),
            Map.entry(SCT_CKD, Match.of(ConditionKind.CHRONIC_KIDNEY_DISEASE)),
            Map.entry(SCT_ESRD, Match.of(ConditionKind.END_STAGE_RENAL_DISEASE)),
            Map.entry(SCT_PERIPHERAL_NERVE_DISEASE, Match.of(ConditionKind.PERIPHERAL_NEUROPATHY)),
            Map.entry(SCT_POLYNEUROPATHY, Match.of(ConditionKind.PERIPHERAL_NEUROPATHY)),
            Map.entry(SCT_HEART_FAILURE, Match.of(ConditionKind.HEART_FAILURE)));

    private static final Map<String, ConditionSeverity> SEVERITY = Map.of(
            SCT_SEVERITY_MILD, ConditionSeverity.MILD,
            SCT_SEVERITY_MODERATE, ConditionSeverity.MODERATE,
            SCT_SEVERITY_SEVERE, ConditionSeverity.SEVERE);

    /** Text that turns an ambiguous D47.2 (or an uncoded condition) into smoldering myeloma (§9.1). */
    private static final Pattern SMOLDERING_TEXT = Pattern.compile(
            "smou?lder|asymptomatic (multiple )?myeloma|indolent (multiple )?myeloma", Pattern.CASE_INSENSITIVE);

    /**
     * Classifies one coding. {@code text} is the coding display plus Condition.code.text, used only where §9.1
     * says the code is ambiguous (D47.2).
     */
    public static Optional<Match> classify(String system, String code, String text) {
        if (code == null || code.isBlank()) return Optional.empty();
        if (CodeSystems.same(system, CodeSystems.SNOMED)) return Optional.ofNullable(SNOMED.get(code.trim()));
        if (CodeSystems.isIcd10Diagnosis(system)) return classifyIcd(normaliseIcd(code), text);
        return Optional.empty();
    }

    /** Smoldering myeloma named in free text: the one condition §9.1 allows to be read from text alone. */
    public static boolean mentionsSmoldering(String text) {
        return text != null && SMOLDERING_TEXT.matcher(text).find();
    }

    public static Optional<ConditionSeverity> severity(String system, String code) {
        if (!CodeSystems.same(system, CodeSystems.SNOMED) || code == null) return Optional.empty();
        return Optional.ofNullable(SEVERITY.get(code.trim()));
    }

    /** Upper-cases and restores the dot producers sometimes drop ("C9000" → "C90.00"). */
    static String normaliseIcd(String code) {
        String c = code.trim().toUpperCase(Locale.ROOT);
        if (c.indexOf('.') < 0 && c.length() > 3) c = c.substring(0, 3) + "." + c.substring(3);
        return c;
    }

    private static Optional<Match> classifyIcd(String c, String text) {
        if (c.equals(ICD_MM) || c.equals(ICD_MM_PARENT)) return some(ConditionKind.MULTIPLE_MYELOMA);
        if (c.equals(ICD_MM_REMISSION)) return some(ConditionKind.MULTIPLE_MYELOMA_IN_REMISSION);
        if (c.equals(ICD_MM_RELAPSE)) return some(ConditionKind.MULTIPLE_MYELOMA_IN_RELAPSE);
        if (c.startsWith(ICD_PLASMA_CELL_LEUKEMIA)) return some(ConditionKind.PLASMA_CELL_LEUKEMIA);
        if (c.startsWith(ICD_EXTRAMEDULLARY_PLASMACYTOMA) || c.startsWith(ICD_SOLITARY_PLASMACYTOMA)) {
            return some(ConditionKind.PLASMACYTOMA);
        }
        if (c.equals(ICD_MGUS_OR_SMOLDERING)) {
            return some(mentionsSmoldering(text) ? ConditionKind.SMOLDERING_MYELOMA : ConditionKind.MGUS);
        }
        if (c.equals(ICD_AL_AMYLOIDOSIS)) return some(ConditionKind.AL_AMYLOIDOSIS);
        if (c.startsWith(ICD_COPD) || c.startsWith(ICD_EMPHYSEMA)) return some(ConditionKind.COPD);
        if (c.startsWith(ICD_ASTHMA)) return Optional.of(Match.of(ConditionKind.ASTHMA, asthmaClass(c)));
        if (c.equals(ICD_ESRD)) return some(ConditionKind.END_STAGE_RENAL_DISEASE);
        if (c.startsWith(ICD_CKD)) return Optional.of(Match.staged(ConditionKind.CHRONIC_KIDNEY_DISEASE, ckdStage(c)));
        if (c.equals(ICD_DIALYSIS_DEPENDENCE)) return some(ConditionKind.DIALYSIS_DEPENDENCE);
        for (String category : ICD_NEUROPATHY_CATEGORIES) {
            if (c.startsWith(category)) return some(ConditionKind.PERIPHERAL_NEUROPATHY);
        }
        if (c.startsWith(ICD_HEART_FAILURE)) return some(ConditionKind.HEART_FAILURE);
        if (c.equals(ICD_CHRONIC_HEP_B) || c.equals(ICD_CHRONIC_HEP_B_DELTA) || c.equals(ICD_HEP_B_CARRIER)) {
            return some(ConditionKind.CHRONIC_HEPATITIS_B);
        }
        return Optional.empty();
    }

    private static Optional<Match> some(ConditionKind kind) { return Optional.of(Match.of(kind)); }

    private static ConditionSeverity asthmaClass(String c) {
        if (c.startsWith(ICD_ASTHMA_MILD_INTERMITTENT)) return ConditionSeverity.MILD_INTERMITTENT;
        if (c.startsWith(ICD_ASTHMA_MILD_PERSISTENT)) return ConditionSeverity.MILD_PERSISTENT;
        if (c.startsWith(ICD_ASTHMA_MODERATE_PERSISTENT)) return ConditionSeverity.MODERATE_PERSISTENT;
        if (c.startsWith(ICD_ASTHMA_SEVERE_PERSISTENT)) return ConditionSeverity.SEVERE_PERSISTENT;
        return null; // J45.9x and the bare category carry no class; Condition.severity may still say
    }

    /** N18.1–N18.5 (N18.30–N18.32 are stage 3); N18.9 and anything else: stage not coded. */
    private static Integer ckdStage(String c) {
        if (c.length() < 5 || c.equals(ICD_CKD_UNSPECIFIED)) return null;
        char stage = c.charAt(4);
        return stage >= '1' && stage <= '5' ? stage - '0' : null;
    }
}
