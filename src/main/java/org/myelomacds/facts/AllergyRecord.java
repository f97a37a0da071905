package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/** A recorded hypersensitivity to an anti-CD38 product or its excipient; criticality as coded ("high", "low"…). */
public final class AllergyRecord implements HasProvenance {
    private final Allergen substance;
    private final String criticality;
    private final boolean active;
    private final Provenance provenance;

    public AllergyRecord(Allergen substance, String criticality, boolean active, Provenance provenance) {
        this.substance = Objects.requireNonNull(substance, "substance");
        this.criticality = criticality;
        this.active = active;
        this.provenance = provenance;
    }

    public Allergen getSubstance() { return substance; }
    public String getCriticality() { return criticality; }
    public boolean isActive() { return active; }
    /** The hypersensitivity is to this drug (an anti-CD38 antibody; hyaluronidase is no drug of the catalogue). */
    public boolean names(Drug drug) { return drug != null && substance.name().equals(drug.name()); }
    @Override public List<Provenance> getProvenance() { return Provenance.listOf(provenance); }
}
