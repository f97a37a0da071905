package org.myelomacds.evidence.terminology;

import org.myelomacds.facts.CytogeneticAbnormality;
import org.myelomacds.facts.MeasurementKind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Observation codes (clinical-evidence.md §9.3). One value set per {@link MeasurementKind}, {@code observation-<kind>}
 * ({@code observation-egfr}, {@code observation-serum-creatinine}); besides them {@code observation-disease-status}
 * (mCODE), {@code observation-transplant-eligibility} and {@code observation-m-protein-isotype} (project codes; the
 * isotype also by words in the code's text) and {@code observation-cytogenetics} (words that mark a FISH or karyotype
 * result whose code is not recognised). No code is in two of these, nor in a cytogenetic abnormality's set.
 *
 * <p>How a result was obtained is a sub-concept: the sets a kind's set includes (eGFR by CKD-EPI 2021, creatinine
 * clearance by Cockcroft-Gault); the sub-set's title is the method the report prints. The unit to assume when a
 * result carries none is noted on the code (extension {@code implied-unit}; the LOINC property fixes it: 2160-0 is a
 * mass concentration, 14682-9 a molar one).
 */
public final class ObservationTerms {
    /** What a code measures, how (the method, where the code says it) and the unit it implies. */
    public record ObservationCode(MeasurementKind kind, String method, String impliedUnit) { }

    /** A code to write, e.g. in a proposed order: system and code as written in the value set, and its display. */
    public record Coding(String system, String code, String display) { }

    /** The tests the engine proposes to order (ProposedOrders), with the first code of their set. */
    private static final List<MeasurementKind> ORDERABLE = List.of(MeasurementKind.ABO_RH_GROUP, MeasurementKind.ANTIBODY_SCREEN,
            MeasurementKind.HBSAG, MeasurementKind.ANTI_HBC, MeasurementKind.HBV_DNA);

    private final Family<MeasurementKind> kinds;
    private final Map<MeasurementKind, Family<String>> methods = new EnumMap<>(MeasurementKind.class);
    private final ValueSet diseaseStatus;
    private final ValueSet transplantEligibility;
    private final ValueSet isotype;
    private final ValueSet cytogeneticsPanel;
    private final Terminology terminology;

    ObservationTerms(Terminology t) {
        this.terminology = t;
        List<Family.Entry<MeasurementKind>> entries = new ArrayList<>();
        for (MeasurementKind k : MeasurementKind.values()) {
            ValueSet vs = t.require("observation-" + Terminology.kebab(k), "the observation " + k);
            entries.add(new Family.Entry<>(vs, k));
            if (vs == null) continue;
            List<Family.Entry<String>> m = new ArrayList<>();
            for (ValueSet sub : t.included(vs)) m.add(new Family.Entry<>(sub, sub.title()));
            methods.put(k, t.family(vs.id() + " methods", m, true));
        }
        kinds = t.family("observation kinds", entries, false);
        for (MeasurementKind k : ORDERABLE) {
            ValueSet vs = kinds.setOf(k).orElse(null);
            if (vs != null && vs.includes().stream().allMatch(i -> i.concepts().isEmpty())) {
                t.problem(TerminologyProblem.error(vs.location(), vs.id() + " lists no explicit code, but the engine proposes orders "
                        + "for " + k + " with its first one: list the code to order first, as a concept"));
            }
        }
        diseaseStatus = t.require("observation-disease-status", "which observations are cancer disease status");
        transplantEligibility = t.require("observation-transplant-eligibility", "the transplant-eligibility statement");
        isotype = t.require("observation-m-protein-isotype", "which observations give the M-protein isotype");
        cytogeneticsPanel = t.require("observation-cytogenetics", "the words that mark a cytogenetics result");
        // Every observation set answers the same question (what is this result?), so they exclude each other.
        List<Family.Entry<Object>> all = new ArrayList<>();
        entries.forEach(e -> all.add(new Family.Entry<>(e.set(), e.value())));
        all.add(new Family.Entry<>(diseaseStatus, "disease status"));
        all.add(new Family.Entry<>(transplantEligibility, "transplant eligibility"));
        all.add(new Family.Entry<>(isotype, "isotype"));
        for (CytogeneticAbnormality a : CytogeneticAbnormality.values()) {
            all.add(new Family.Entry<>(t.find(CytogeneticTerms.setId(a)).orElse(null), a));
        }
        t.family("observation codes", all, true);
    }

    /** The measurement a code is, with its method and implied unit. */
    public Optional<ObservationCode> lookup(String system, String code) {
        Optional<Family.Match<MeasurementKind>> m = kinds.byCode(system, code);
        if (m.isEmpty()) return Optional.empty();
        MeasurementKind kind = m.get().value();
        String method = methods.containsKey(kind) ? methods.get(kind).valueByCode(system, code).orElse(null) : null;
        return Optional.of(new ObservationCode(kind, method, m.get().hit().notes().impliedUnit()));
    }

    public boolean isDiseaseStatus(String system, String code) { return in(diseaseStatus, system, code); }
    public boolean isTransplantEligibility(String system, String code) { return in(transplantEligibility, system, code); }
    public boolean isIsotype(String system, String code) { return in(isotype, system, code); }

    /** Code text that marks an observation as an isotype result when no code is recognised ("Immunofixation"). */
    public boolean isIsotypeCodeText(String codeText) { return isotype.text().matches(codeText); }

    /** Code text that marks a cytogenetics result ("FISH panel", "Karyotype") even when it names no abnormality. */
    public boolean looksLikeCytogeneticsPanel(String codeText) { return cytogeneticsPanel.text().matches(codeText); }

    /** The first code of a kind's value set: the one the engine writes when it proposes to order that test. */
    public Coding preferred(MeasurementKind kind) {
        ValueSet vs = kinds.setOf(kind).orElseThrow();
        for (ValueSet.Include inc : vs.includes()) {
            if (!inc.concepts().isEmpty()) {
                ValueSet.Concept c = inc.concepts().get(0);
                return new Coding(inc.declaredSystem(), c.declaredCode(), c.display());
            }
        }
        throw new IllegalStateException(vs.id() + " lists no explicit code to order");
    }

    private boolean in(ValueSet vs, String system, String code) { return terminology.holds(vs, system, code); }
}
