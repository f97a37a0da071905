package org.myelomacds.facts;

import java.util.List;

/** The M-protein isotype, e.g. heavy chain "IgG", light chain "KAPPA" (IgG-κ co-migrates with the antibodies, §8.4). */
public final class ParaproteinIsotype implements HasProvenance {
    private final String heavyChain;
    private final String lightChain;
    private final Provenance provenance;

    public ParaproteinIsotype(String heavyChain, String lightChain, Provenance provenance) {
        this.heavyChain = heavyChain;
        this.lightChain = lightChain;
        this.provenance = provenance;
    }

    /** "IgG", "IgA", "IgM", "IgD" or null for light-chain-only disease. */
    public String getHeavyChain() { return heavyChain; }
    /** "KAPPA" or "LAMBDA", or null when not stated. */
    public String getLightChain() { return lightChain; }
    public boolean isIgGKappa() { return "IgG".equals(heavyChain) && "KAPPA".equals(lightChain); }
    @Override public List<Provenance> getProvenance() { return Provenance.listOf(provenance); }
}
