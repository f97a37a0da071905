package org.myelomacds.evidence.terminology;

import org.myelomacds.facts.CytogeneticAbnormality;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The high-risk abnormalities FISH and karyotype results name. No standard LOINC per abnormality exists (§9.3, U), so
 * each {@code cytogenetic-<abnormality>} set ({@code cytogenetic-del-17p}) holds the project code and the ISCN-like and
 * gene-fusion patterns that name it in text ("del(17p)", "t(4;14)", "IGH::FGFR3", "+1q21").
 */
public final class CytogeneticTerms {
    private final Family<CytogeneticAbnormality> abnormalities;

    CytogeneticTerms(Terminology t) {
        List<Family.Entry<CytogeneticAbnormality>> entries = new ArrayList<>();
        for (CytogeneticAbnormality a : CytogeneticAbnormality.values()) {
            entries.add(new Family.Entry<>(t.require(setId(a), "the abnormality " + a), a));
        }
        abnormalities = t.family("cytogenetic abnormalities", entries, true);
    }

    static String setId(CytogeneticAbnormality a) { return "cytogenetic-" + Terminology.kebab(a); }

    /** Abnormalities named in a piece of text, in enum order. */
    public Set<CytogeneticAbnormality> named(String text) {
        Set<CytogeneticAbnormality> out = EnumSet.noneOf(CytogeneticAbnormality.class);
        out.addAll(abnormalities.allByText(text));
        return out;
    }

    public Optional<CytogeneticAbnormality> byCode(String system, String code) { return abnormalities.valueByCode(system, code); }
}
