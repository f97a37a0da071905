package org.myelomacds.evidence.terminology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Coded and written answers of qualitative results and performance status. {@code result-negative} and
 * {@code result-positive} (SNOMED qualifier values, HL7 v3 ObservationInterpretation codes, and words; the negative
 * words are tried first, since "not detected" contains "detected"); {@code result-normal}, the weakest reading, tried
 * last: "normal" alone means nothing was found. ECOG grades: {@code ecog-grade-0} … {@code ecog-grade-5} (LOINC answer
 * list LL529-9). Pregnancy status: {@code pregnancy-status-pregnant}, the answers that say pregnant (no other answer
 * has a meaning the rules act on).
 */
public final class ResultTerms {
    public static final String POSITIVE = "POSITIVE";
    public static final String NEGATIVE = "NEGATIVE";

    private final Family<String> polarity;
    private final ValueSet normal;
    private final Family<Integer> ecog;
    private final ValueSet pregnant;
    private final Terminology terminology;

    ResultTerms(Terminology t) {
        terminology = t;
        pregnant = t.require("pregnancy-status-pregnant", "pregnancy-status answers that say pregnant");
        polarity = t.family("result polarity", List.of(
                new Family.Entry<>(t.require("result-negative", "negative qualitative results"), NEGATIVE),
                new Family.Entry<>(t.require("result-positive", "positive qualitative results"), POSITIVE)), true);
        normal = t.require("result-normal", "results that read as negative because they say normal");
        List<Family.Entry<Integer>> grades = new ArrayList<>();
        for (int g = 0; g <= 5; g++) grades.add(new Family.Entry<>(t.require("ecog-grade-" + g, "ECOG grade " + g), g));
        ecog = t.family("ECOG grades", grades, true);
    }

    /** POSITIVE or NEGATIVE for a coded answer (SNOMED qualifier value or v3 interpretation). */
    public Optional<String> polarity(String system, String code) { return polarity.valueByCode(system, code); }

    /** POSITIVE or NEGATIVE for a written answer ("not detected", "Reactive", "normal"). */
    public Optional<String> polarity(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        Optional<String> p = polarity.byText(text);
        if (p.isPresent()) return p;
        return normal.text().matches(text) ? Optional.of(NEGATIVE) : Optional.empty();
    }

    /** Whether a pregnancy-status answer says the patient is pregnant (SNOMED 77386006, LOINC LA15173-0). */
    public boolean isPregnant(String system, String code) {
        return pregnant != null && terminology.holds(pregnant, system, code);
    }

    public Optional<Integer> ecogGrade(String system, String code) { return ecog.valueByCode(system, code); }
}
