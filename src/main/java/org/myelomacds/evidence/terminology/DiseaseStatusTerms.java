package org.myelomacds.evidence.terminology;

import org.myelomacds.facts.DiseaseTrend;

import java.util.List;
import java.util.Optional;

/**
 * Answers of mCODE cancer disease status (LOINC 97509-4): {@code disease-status-progression} (SNOMED 271299001
 * "worsened"), {@code -undetermined}, {@code -stable}, {@code -improved}, each with the words a written answer uses
 * (tried in that order); an answer that matches none is {@link DiseaseTrend#OTHER}.
 */
public final class DiseaseStatusTerms {
    private final Family<DiseaseTrend> answers;

    DiseaseStatusTerms(Terminology t) {
        answers = t.family("disease status answers", List.of(
                entry(t, DiseaseTrend.PROGRESSION), entry(t, DiseaseTrend.UNDETERMINED),
                entry(t, DiseaseTrend.STABLE), entry(t, DiseaseTrend.IMPROVED)), true);
    }

    private static Family.Entry<DiseaseTrend> entry(Terminology t, DiseaseTrend trend) {
        return new Family.Entry<>(t.require("disease-status-" + Terminology.kebab(trend), "the disease status " + trend), trend);
    }

    public Optional<DiseaseTrend> answer(String system, String code) { return answers.valueByCode(system, code); }

    public DiseaseTrend fromText(String text) { return answers.byText(text).orElse(DiseaseTrend.OTHER); }
}
