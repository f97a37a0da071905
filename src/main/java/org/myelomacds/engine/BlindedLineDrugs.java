package org.myelomacds.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.myelomacds.facts.BlindedProduct;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.PriorLine;
import org.myelomacds.facts.Provenance;

/**
 * The drugs a line lists only because of a still-blinded study product ("daratumumab or placebo",
 * CDS-POLICY-BLINDED-STUDY-DRUG, FINDINGS N5): the line's records of the drug are all blinded ones, so the report names
 * the drug as recorded ("daratumumab or placebo (blinded)"), not as given. A line that also holds an unblinded record of
 * the drug gave it, and lists it plainly.
 */
final class BlindedLineDrugs {
    private BlindedLineDrugs() {}

    /** The drug ids (Drug.name()) of {@code line} given only as a blinded product, in the line's order; null when none. */
    static List<String> of(PriorLine line, List<BlindedProduct> products, List<MedicationRecord> records) {
        if (products.isEmpty()) return null;
        Set<String> lineRefs = refs(line.getProvenance());
        List<String> out = new ArrayList<>();
        for (Drug drug : line.getDrugs()) {
            Set<String> blinded = new TreeSet<>();
            for (BlindedProduct p : products) if (p.getDrug().equals(drug)) blinded.addAll(refs(p.getProvenance()));
            blinded.retainAll(lineRefs);
            if (blinded.isEmpty()) continue;
            boolean openRecord = records.stream().filter(r -> r.getDrug().equals(drug))
                    .flatMap(r -> r.getProvenance().stream()).map(Provenance::getReference)
                    .anyMatch(ref -> lineRefs.contains(ref) && !blinded.contains(ref));
            if (!openRecord) out.add(drug.name());
        }
        return out.isEmpty() ? null : List.copyOf(out);
    }

    private static Set<String> refs(List<Provenance> provenance) {
        Set<String> out = new TreeSet<>();
        for (Provenance p : provenance) out.add(p.getReference());
        return out;
    }
}
