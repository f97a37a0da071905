package org.myelomacds.evidence.terminology;

import org.myelomacds.facts.ProcedureKind;

import java.util.List;
import java.util.Optional;

/**
 * Stem-cell transplants and dialysis (clinical-evidence.md §9.2 and the dialysis row of §9.1), and sterilising surgery
 * (CONTRACEPTION, §8.5): one value set per {@link ProcedureKind}, {@code procedure-<kind>}. Sterilising surgery is read
 * by code only: procedure words ("oophorectomy", "tubal ligation … reversal") too often name a surgery that leaves
 * childbearing potential. In text, {@code procedure-dialysis}'s words are tried first; then the
 * words of {@code procedure-stem-cell-transplant} say that a transplant was done, and those of the allogeneic and
 * autologous sets (tried in that order) say which — a transplant with neither stays "stem-cell transplant".
 * A transplant recorded only as a Condition ("History of autologous bone marrow transplant", ICD-10-CM Z94.84) is read
 * by code from the {@code history-of-…-stem-cell-transplant} sets, never by text: "history of … transplant" words also
 * name kidney and other organ transplants.
 */
public final class ProcedureTerms {
    private final Family<ProcedureKind> kinds;
    private final ValueSet dialysis;
    private final ValueSet transplant;
    private final ValueSet allogeneic;
    private final ValueSet autologous;
    private final Family<ProcedureKind> history;
    private final Terminology terminology;
    private final ValueSet chemotherapy;
    private final ValueSet possibleTransplant;
    private final ValueSet carTInfusion;
    private final ValueSet carTCollection;

    ProcedureTerms(Terminology t) {
        terminology = t;
        chemotherapy = t.require("procedure-chemotherapy", "chemotherapy recorded as a procedure, drug not named");
        possibleTransplant = t.find("procedure-possible-transplant").orElse(null);
        carTInfusion = t.find("procedure-car-t-infusion").orElse(null);
        carTCollection = t.find("procedure-car-t-collection").orElse(null);
        dialysis = t.require(id(ProcedureKind.DIALYSIS), "dialysis procedures");
        allogeneic = t.require(id(ProcedureKind.ALLOGENEIC_STEM_CELL_TRANSPLANT), "allogeneic stem-cell transplants");
        autologous = t.require(id(ProcedureKind.AUTOLOGOUS_STEM_CELL_TRANSPLANT), "autologous stem-cell transplants");
        transplant = t.require(id(ProcedureKind.STEM_CELL_TRANSPLANT), "stem-cell transplants (autologous or not unstated)");
        ValueSet sterilising = t.require(id(ProcedureKind.STERILISING_SURGERY), "surgery that ends childbearing potential");
        kinds = t.family("procedures", List.of(new Family.Entry<>(dialysis, ProcedureKind.DIALYSIS),
                new Family.Entry<>(sterilising, ProcedureKind.STERILISING_SURGERY),
                new Family.Entry<>(allogeneic, ProcedureKind.ALLOGENEIC_STEM_CELL_TRANSPLANT),
                new Family.Entry<>(autologous, ProcedureKind.AUTOLOGOUS_STEM_CELL_TRANSPLANT),
                new Family.Entry<>(transplant, ProcedureKind.STEM_CELL_TRANSPLANT)), true);
        history = t.family("transplant histories", List.of(
                new Family.Entry<>(t.require("history-of-allogeneic-stem-cell-transplant", "a history of allogeneic stem-cell transplant (Condition)"),
                        ProcedureKind.ALLOGENEIC_STEM_CELL_TRANSPLANT),
                new Family.Entry<>(t.require("history-of-autologous-stem-cell-transplant", "a history of autologous stem-cell transplant (Condition)"),
                        ProcedureKind.AUTOLOGOUS_STEM_CELL_TRANSPLANT),
                new Family.Entry<>(t.require("history-of-stem-cell-transplant", "a history of stem-cell transplant of unstated kind (Condition)"),
                        ProcedureKind.STEM_CELL_TRANSPLANT)), true);
    }

    private static String id(ProcedureKind k) { return "procedure-" + Terminology.kebab(k); }

    public Optional<ProcedureKind> byCode(String system, String code) { return kinds.valueByCode(system, code); }

    /** The transplant a Condition's code says was done ("history of autologous bone marrow transplant"), if any. */
    public Optional<ProcedureKind> transplantHistoryByCode(String system, String code) { return history.valueByCode(system, code); }

    /**
     * A procedure code saying chemotherapy was given without naming the drug (SNOMED 394894008 "Pre-operative
     * chemotherapy", CPT 96413). By code only: "chemotherapy" in words also names referrals, education and plans.
     */
    public boolean isChemotherapy(String system, String code) {
        return chemotherapy != null && terminology.holds(chemotherapy, system, code);
    }

    /**
     * A Procedure whose code is text only ("Chemotherapy", "chemo cycle 3") saying chemotherapy was given: the set's
     * words, conservatively (the whole word, and not when the text names a referral, education, a plan, a port …;
     * rules/terminology/procedure-chemotherapy.json says which and why). For a code without any coding only.
     */
    public boolean isChemotherapyText(String text) {
        return chemotherapy != null && chemotherapy.text().matches(text);
    }

    /**
     * Words that only suggest a stem-cell transplant or cell infusion ("HCT day 0", "autologous PBSC rescue"), for a
     * procedure that neither its code nor {@link #byText} read (sweep s12 RC3; CDS-POLICY-RECORDS-TRANSPLANT-WORDS):
     * conservative, and never a marrow biopsy, aspirate, harvest or collection.
     */
    public boolean isPossibleTransplantText(String text) {
        return possibleTransplant != null && possibleTransplant.text().matches(text);
    }

    /**
     * A procedure code saying CAR-T cells were given (CPT 0540T, 38228 "CAR-T cell administration, autologous"); the
     * codes of the other steps (harvest, transport, receipt) are not in the set (procedure-car-t-infusion).
     */
    public boolean isCarTInfusion(String system, String code) {
        return carTInfusion != null && terminology.holds(carTInfusion, system, code);
    }

    /** Words saying CAR-T cells were given ("CAR-T cell infusion"), and none naming another step of CAR-T care. */
    public boolean isCarTInfusionText(String text) {
        return carTInfusion != null && carTInfusion.text().matches(text);
    }

    /**
     * Words naming a step of CAR-T care other than the infusion, or an infusion not given (referral, evaluation,
     * leukapheresis, manufacturing, lymphodepletion, cancelled …: the set's excluding words). A product name beside them
     * ("Leukapheresis for ciltacabtagene autoleucel manufacturing") is not a dose given.
     */
    public boolean namesOtherCarTStep(String text) {
        if (carTInfusion == null || text == null || text.isEmpty()) return false;
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return carTInfusion.text().excludes().stream().anyMatch(lower::contains);
    }

    /**
     * Words saying the patient's T cells were collected to make CAR-T cells ("Leukapheresis for CAR-T manufacture"),
     * and none saying it was only referred, planned or not done (procedure-car-t-collection; CDS-POLICY-CART-COLLECTION).
     */
    public boolean isCarTCollectionText(String text) {
        return carTCollection != null && carTCollection.text().matches(text);
    }

    /** Text fallback for uncoded procedures ("Autologous stem cell transplant", "Haemodialysis"). */
    public Optional<ProcedureKind> byText(String text) {
        if (text == null || text.isEmpty()) return Optional.empty();
        if (dialysis.text().matches(text)) return Optional.of(ProcedureKind.DIALYSIS);
        if (!transplant.text().matches(text)) return Optional.empty();
        if (allogeneic.text().matches(text)) return Optional.of(ProcedureKind.ALLOGENEIC_STEM_CELL_TRANSPLANT);
        if (autologous.text().matches(text)) return Optional.of(ProcedureKind.AUTOLOGOUS_STEM_CELL_TRANSPLANT);
        return Optional.of(ProcedureKind.STEM_CELL_TRANSPLANT);
    }
}
