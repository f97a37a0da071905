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
    private final List<DiseaseSetting> settings;

    public RegimenCandidate(String id, String name, Drug antiCd38, List<Drug> components) {
        this(id, name, antiCd38, components, List.of());
    }

    /** {@code settings}: the settings with a label or pivotal trial in some jurisdiction (regimens.yaml). */
    public RegimenCandidate(String id, String name, Drug antiCd38, List<Drug> components, List<DiseaseSetting> settings) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.antiCd38 = antiCd38;
        this.components = List.copyOf(components);
        this.settings = List.copyOf(settings);
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public Drug getAntiCd38() { return antiCd38; }
    public List<Drug> getComponents() { return components; }
    public List<DiseaseSetting> getSettings() { return settings; }
    /** Indicated (in some jurisdiction) for relapsed/refractory myeloma, so relapse decides whether it is an option. */
    public boolean isForRelapse() { return settings.contains(DiseaseSetting.RRMM); }
    public boolean contains(Drug drug) { return components.contains(drug); }
    public boolean isIsatuximab() { return Drug.ISATUXIMAB.equals(antiCd38); }
    public boolean isDaratumumab() { return Drug.DARATUMUMAB.equals(antiCd38); }
}
