package org.myelomacds.fhir;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.myelomacds.fhir.terminology.ResultValueCodes;

/** Positive/negative readings of coded or free-text results (HBsAg, antibody screen, IFE, FISH). */
final class QualitativeValues {
    private QualitativeValues() { }

    /** Checked before the positive words, since "not detected" contains "detected". Whole words only ("abnormal"). */
    private static final Pattern NEGATIVE = Pattern.compile(
            "\\b(not detected|none detected|non-?reactive|non reactive|negative|neg|absent|not present|no monoclonal"
                    + "|no paraprotein|no m-?protein|no m protein|no band|undetectable|no evidence|not found|without)\\b"
                    + "|^\\s*-\\s*$");
    private static final Pattern POSITIVE = Pattern.compile(
            "\\b(positive|pos|detected|reactive|present|abnormal)\\b|^\\s*\\+\\s*$");
    /** Weakest reading, used last: "normal" alone ("normal pattern", "normal FISH") means nothing found. */
    private static final Pattern NORMAL = Pattern.compile("\\bnormal\\b");

    static Optional<String> polarity(CodeableConcept concept) {
        if (concept == null) return Optional.empty();
        for (Coding c : concept.getCoding()) {
            Optional<String> p = ResultValueCodes.polarity(c.getSystem(), c.getCode());
            if (p.isPresent()) return p;
        }
        return polarity(Concepts.text(concept));
    }

    static Optional<String> polarity(List<CodeableConcept> concepts) {
        for (CodeableConcept c : concepts) {
            Optional<String> p = polarity(c);
            if (p.isPresent()) return p;
        }
        return Optional.empty();
    }

    static Optional<String> polarity(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String t = text.toLowerCase(Locale.ROOT);
        if (NEGATIVE.matcher(t).find()) return Optional.of(ResultValueCodes.NEGATIVE);
        if (POSITIVE.matcher(t).find()) return Optional.of(ResultValueCodes.POSITIVE);
        if (NORMAL.matcher(t).find()) return Optional.of(ResultValueCodes.NEGATIVE);
        return Optional.empty();
    }
}
