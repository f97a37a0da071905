package org.myelomacds.render;

import org.myelomacds.assessment.Flag;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a flag is presented to a clinician: its title in plain words, and whether it is a clinical concern that bears on
 * the choice of regimen, a routine task before or around dosing, or a note. The engine decides each flag, its severity
 * and its action; this only sorts them for display, so that a routine type-and-screen reminder is not shown with the
 * same weight as anti-CD38 refractoriness. Every front end that shows flags to clinicians (cards, board sheet) uses
 * these titles and kinds, so the two never disagree.
 */
public final class FlagKinds {
    /** What a flag asks of the reader. */
    public enum Kind {
        /** bears on the choice of regimen (refractoriness, washout, trial exclusion, contraindication, hazard) */
        CONCERN,
        /** a routine step before or around dosing (tests, prophylaxis, dose adjustment, counselling, monitoring) */
        TO_DO,
        /** information without a step to take */
        NOTE
    }

    /**
     * The flags whose action is a routine step of giving the regimen rather than a reason to choose another one: the
     * pre-dose tests and counselling the labels ask for every patient, the prophylaxis and premedication that go with
     * a dose, and the dose adjustments the rules already computed. A CRITICAL flag is never routine.
     */
    private static final Set<String> ROUTINE = Set.of("TYPE_AND_SCREEN", "HBV_SCREENING", "IFE_INTERFERENCE",
            "DARA_COPD_PROPHYLAXIS", "CARFILZOMIB_CARDIAC_CHECK", "CONTRACEPTION", "DEXAMETHASONE_DOSE_REDUCTION",
            "RENAL_DOSE_ADJUSTMENT", "ISATUXIMAB_PULMONARY_IRR");

    /** The flags that bear on the choice of regimen whatever their severity (an unverified exclusion is INFO). */
    private static final Set<String> CHOICE = Set.of("ANTI_CD38_WASHOUT_SHORT", "ANTI_CD38_WASHOUT_INTERMEDIATE",
            "ANTI_CD38_REFRACTORY", "ANTI_CD38_REFRACTORY_UNKNOWN", "ANTI_CD38_WASHOUT_UNDECIDED", "RENAL_BELOW_TRIAL_THRESHOLD", "PULMONARY_TRIAL_EXCLUSION", "CARFILZOMIB_CARDIAC_RISK",
            "BORTEZOMIB_NEUROPATHY", "PARTNER_DRUG_REFRACTORY", "PARTNER_DRUG_REFRACTORY_UNKNOWN", "HYPERSENSITIVITY",
            "OUTSIDE_TRIAL_AGE", "DRUG_INTOLERANCE", "ANTI_CD38_CLASS_INTOLERANCE");

    /** Short titles for the flag codes, so a title says what the flag is about before it is cut. */
    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("ANTI_CD38_WASHOUT_SHORT", "short anti-CD38 washout"),
            Map.entry("ANTI_CD38_WASHOUT_INTERMEDIATE", "intermediate anti-CD38 washout"),
            Map.entry("ANTI_CD38_REFRACTORY", "refractory to an anti-CD38 antibody"),
            Map.entry("ANTI_CD38_REFRACTORY_UNKNOWN", "anti-CD38 refractoriness undecided"),
            Map.entry("ANTI_CD38_WASHOUT_UNDECIDED", "anti-CD38 washout undecided"),
            Map.entry("RENAL_BELOW_TRIAL_THRESHOLD", "renal function below the trials' limit"),
            Map.entry("RENAL_DOSE_ADJUSTMENT", "renal dose of the partner drug"),
            Map.entry("DARA_COPD_PROPHYLAXIS", "COPD: bronchodilator prophylaxis after daratumumab"),
            Map.entry("PULMONARY_TRIAL_EXCLUSION", "lung disease the trials excluded"),
            Map.entry("TYPE_AND_SCREEN", "type and screen"),
            Map.entry("IFE_INTERFERENCE", "antibody interference with electrophoresis and immunofixation"),
            Map.entry("DEXAMETHASONE_DOSE_REDUCTION", "reduced dexamethasone dose"),
            Map.entry("HBV_SCREENING", "hepatitis B screening"),
            Map.entry("CARFILZOMIB_CARDIAC_RISK", "carfilzomib cardiac risk"),
            Map.entry("CARFILZOMIB_CARDIAC_CHECK", "cardiac check before carfilzomib"),
            Map.entry("BORTEZOMIB_NEUROPATHY", "bortezomib and neuropathy"),
            Map.entry("PARTNER_DRUG_REFRACTORY", "refractory to a partner drug"),
            Map.entry("PARTNER_DRUG_REFRACTORY_UNKNOWN", "partner-drug refractoriness undecided"),
            Map.entry("HYPERSENSITIVITY", "hypersensitivity"),
            Map.entry("DRUG_INTOLERANCE", "drug not tolerated before"),
            Map.entry("ANTI_CD38_CLASS_INTOLERANCE", "other anti-CD38 antibody not tolerated"),
            Map.entry("REACTION_THEN_TOLERATED", "reaction on record, given again since"),
            Map.entry("OUTSIDE_TRIAL_AGE", "age outside the trials' range"),
            Map.entry("RENAL_SUBGROUP_EVIDENCE", "renal-subgroup trial results"),
            Map.entry("RENAL_TRIAL_THRESHOLD_UNKNOWN", "trial renal limit not verified"),
            Map.entry("ISATUXIMAB_PULMONARY_IRR", "bronchospasm watch with isatuximab"),
            Map.entry("CONTRACEPTION", "contraception counselling"));

    private FlagKinds() {}

    public static Kind kind(Flag f) { return kind(f.code(), f.severity(), f.action() != null); }

    public static Kind kind(String code, String severity, boolean hasAction) {
        if ("CRITICAL".equals(severity)) return Kind.CONCERN;
        if (ROUTINE.contains(code)) return Kind.TO_DO;
        if (CHOICE.contains(code) || "WARNING".equals(severity)) return Kind.CONCERN;
        return hasAction ? Kind.TO_DO : Kind.NOTE;
    }

    /** A flag whose action is a dose the rules computed (dexamethasone reduction, renal partner-drug dose). */
    public static boolean isDose(String code) {
        return "DEXAMETHASONE_DOSE_REDUCTION".equals(code) || "RENAL_DOSE_ADJUSTMENT".equals(code);
    }

    /** The flag's title in plain words (an unknown code is spelt out as words, never shown as a code). */
    public static String title(String code) {
        String t = TITLES.get(code);
        return t != null ? t : code.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    /** 2 for CRITICAL, 1 for WARNING, 0 otherwise: for ordering flags most severe first. */
    public static int weight(Flag f) {
        return switch (f.severity()) {
            case "CRITICAL" -> 2;
            case "WARNING" -> 1;
            default -> 0;
        };
    }

    public static boolean anyConcern(Collection<Flag> flags) {
        return flags.stream().anyMatch(f -> kind(f) == Kind.CONCERN);
    }

    /**
     * A regimen's status in words for clinicians. ELIGIBLE_WITH_CAUTIONS is told apart by its flags: with a clinical
     * concern it is "eligible, with cautions"; with routine tasks only it is "eligible; pre-dose tasks".
     */
    public static String statusWords(String status, Collection<Flag> flags) {
        return switch (status) {
            case "ELIGIBLE" -> "eligible";
            case "ELIGIBLE_WITH_CAUTIONS" -> anyConcern(flags) ? "eligible, with cautions" : "eligible; pre-dose tasks";
            case "OFF_LABEL_EVIDENCE" -> "off label, trial evidence";
            case "NOT_ELIGIBLE" -> "not eligible";
            case "INSUFFICIENT_DATA" -> "undecided: data missing";
            default -> status.replace('_', ' ').toLowerCase(Locale.ROOT);
        };
    }
}
