package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A diagnosis the rules read. {@code stage} carries a grade or class where one was coded
 * (CKD stage, NYHA class, neuropathy grade); null when not coded.
 */
public final class ClinicalCondition implements HasProvenance {
    private final ConditionKind kind;
    private final ConditionSeverity severity;
    private final Integer stage;
    private final boolean active;
    private final LocalDate onset;
    private final String code;
    private final String display;
    private final Provenance provenance;

    public ClinicalCondition(ConditionKind kind, ConditionSeverity severity, Integer stage, boolean active,
                             LocalDate onset, String code, String display, Provenance provenance) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.severity = severity == null ? ConditionSeverity.UNSPECIFIED : severity;
        this.stage = stage;
        this.active = active;
        this.onset = onset;
        this.code = code;
        this.display = display;
        this.provenance = provenance;
    }

    public ConditionKind getKind() { return kind; }
    public ConditionSeverity getSeverity() { return severity; }
    public Integer getStage() { return stage; }
    public boolean isActive() { return active; }
    public LocalDate getOnset() { return onset; }
    /** "system|code" of the coding that identified the condition. */
    public String getCode() { return code; }
    public String getDisplay() { return display; }
    @Override public List<Provenance> getProvenance() { return Provenance.listOf(provenance); }
}
