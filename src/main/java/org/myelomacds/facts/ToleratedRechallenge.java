package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A drug the record shows stopped for a toxicity of its own and then given again (CDS-POLICY-INTOLERANCE-RECHALLENGE):
 * tolerated on re-challenge, so not a {@link DrugIntolerance}, but the reaction happened and still bears on how the drug
 * is given (premedication, infusion rate). {@code reason}, {@code date} and {@code source} describe the stopped record;
 * {@code againOn} and {@code againSource} the first record of the drug given after it.
 */
public record ToleratedRechallenge(Drug drug, String reason, LocalDate date, Provenance source, LocalDate againOn,
                                   Provenance againSource) implements HasProvenance {
    public ToleratedRechallenge {
        Objects.requireNonNull(drug, "drug");
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }

    public Drug getDrug() { return drug; }

    /** One line for a flag: "daratumumab stopped on 2023-02-27 for toxicity: "…" (MedicationAdministration/x), given again from …". */
    public String describe() {
        return drug.displayName() + " stopped" + (date == null ? "" : " on " + date) + " for toxicity"
                + (reason == null ? "" : ": \"" + reason + "\"") + " (" + ref(source) + "), given again from " + againOn
                + " (" + ref(againSource) + ")";
    }

    private static String ref(Provenance p) { return p == null ? "the record" : p.getReference(); }

    @Override public List<Provenance> getProvenance() {
        List<Provenance> out = new java.util.ArrayList<>(Provenance.listOf(source));
        out.addAll(Provenance.listOf(againSource));
        return List.copyOf(out);
    }
}
