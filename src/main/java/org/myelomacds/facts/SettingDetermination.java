package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/** The disease setting derived by rules/derive/setting.drl, with the sentence that explains it. */
public final class SettingDetermination implements HasProvenance {
    private final DiseaseSetting setting;
    private final String explanation;
    private final List<Provenance> provenance;

    public SettingDetermination(DiseaseSetting setting, String explanation, List<Provenance> provenance) {
        this.setting = Objects.requireNonNull(setting, "setting");
        this.explanation = explanation;
        this.provenance = provenance == null ? List.of() : List.copyOf(provenance);
    }

    public DiseaseSetting getSetting() { return setting; }
    public boolean isNewlyDiagnosed() {
        return setting == DiseaseSetting.NDMM_TRANSPLANT_ELIGIBLE || setting == DiseaseSetting.NDMM_TRANSPLANT_INELIGIBLE;
    }
    public String getExplanation() { return explanation; }
    @Override public List<Provenance> getProvenance() { return provenance; }

    @Override public boolean equals(Object o) {
        return o instanceof SettingDetermination s && setting == s.setting && Objects.equals(explanation, s.explanation)
                && provenance.equals(s.provenance);
    }
    @Override public int hashCode() { return Objects.hash(setting, explanation, provenance); }
}
