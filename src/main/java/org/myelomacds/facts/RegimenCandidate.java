package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/**
 * A regimen from rules/regimens.yaml, inserted for every patient so that every regimen is evaluated
 * (rules can write "for each candidate containing lenalidomide …" without listing ids).
 */
public final class RegimenCandidate {
    private final String id;
    private final String name;
    private final Drug antiCd38;
    private final List<Drug> components;

    public RegimenCandidate(String id, String name, Drug antiCd38, List<Drug> components) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.antiCd38 = antiCd38;
        this.components = List.copyOf(components);
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public Drug getAntiCd38() { return antiCd38; }
    public List<Drug> getComponents() { return components; }
    public boolean contains(Drug drug) { return components.contains(drug); }
    public boolean isIsatuximab() { return Drug.ISATUXIMAB.equals(antiCd38); }
    public boolean isDaratumumab() { return Drug.DARATUMUMAB.equals(antiCd38); }
}
