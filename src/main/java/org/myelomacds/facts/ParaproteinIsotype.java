package org.myelomacds.facts;

import java.util.List;

/**
 * The M-protein isotype, e.g. heavy chain "IgG", light chain "KAPPA" (IgG-κ co-migrates with the antibodies, §8.4). Read
 * from an immunofixation or isotype result, or from the words of the myeloma diagnosis ("IgG kappa multiple myeloma" as
 * Condition.code.text, a coding's display or a note), which then names where it was written.
 */
public final class ParaproteinIsotype implements HasProvenance {
    private final String heavyChain;
    private final String lightChain;
    private final Provenance provenance;
    private final String statedByDiagnosis;

    public ParaproteinIsotype(String heavyChain, String lightChain, Provenance provenance) {
        this(heavyChain, lightChain, provenance, null);
    }

    private ParaproteinIsotype(String heavyChain, String lightChain, Provenance provenance, String statedByDiagnosis) {
        this.heavyChain = heavyChain;
        this.lightChain = lightChain;
        this.provenance = provenance;
        this.statedByDiagnosis = statedByDiagnosis;
    }

    /** The isotype the myeloma diagnosis states in its words ({@code words}: the text as written, for the output). */
    public static ParaproteinIsotype statedByDiagnosis(String heavyChain, String lightChain, Provenance provenance, String words) {
        return new ParaproteinIsotype(heavyChain, lightChain, provenance, words);
    }

    /** "IgG", "IgA", "IgM", "IgD" or null for light-chain-only disease. */
    public String getHeavyChain() { return heavyChain; }
    /** "KAPPA" or "LAMBDA", or null when not stated. */
    public String getLightChain() { return lightChain; }
    public boolean isIgGKappa() { return "IgG".equals(heavyChain) && "KAPPA".equals(lightChain); }
    /** Read from the myeloma diagnosis's words, not from a laboratory isotype result. */
    public boolean isFromDiagnosis() { return statedByDiagnosis != null; }
    /** "Observation/ife-1", or "Condition/mm (the diagnosis: 'IgG kappa multiple myeloma')", for texts. */
    public String describeSource() {
        String ref = Provenances.references(this);
        return statedByDiagnosis == null ? ref : ref + " (the diagnosis: '" + statedByDiagnosis + "')";
    }
    @Override public List<Provenance> getProvenance() { return Provenance.listOf(provenance); }
}
