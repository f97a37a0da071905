package org.myelomacds.fhir;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.myelomacds.facts.CytogeneticAbnormality;
import org.myelomacds.facts.CytogeneticFinding;
import org.myelomacds.evidence.terminology.CytogeneticTerms;
import org.myelomacds.evidence.terminology.ResultTerms;

/**
 * FISH/cytogenetic results → CytogeneticFinding, from code or text (no standard LOINC per abnormality, §9.3).
 * Shapes read: a code naming the abnormality with a positive/negative/boolean value; a panel whose valueString
 * lists results clause by clause ("t(4;14) detected; del(17p) not detected"); components, one per abnormality.
 * An abnormality named without any readable result is not reported (neither detected nor excluded).
 */
final class CytogeneticsReader {
    private CytogeneticsReader() { }

    static void read(Observation obs, LocalDate effective, EntryContext ctx) {
        Map<CytogeneticAbnormality, Boolean> results = new EnumMap<>(CytogeneticAbnormality.class);
        CytogeneticTerms terms = ctx.terms().cytogenetics();
        ResultTerms values = ctx.terms().results();
        Set<CytogeneticAbnormality> codeNames = namedInCode(obs.getCode(), terms);
        Optional<Boolean> interpretation = QualitativeValues.polarity(obs.getInterpretation(), values).map(ResultTerms.POSITIVE::equals);

        if (obs.hasValue()) readValue(obs.getValue(), codeNames, interpretation, results, terms, values);
        else interpretation.ifPresent(detected -> codeNames.forEach(a -> results.putIfAbsent(a, detected)));

        for (Observation.ObservationComponentComponent component : obs.getComponent()) {
            Set<CytogeneticAbnormality> names = namedInCode(component.getCode(), terms);
            Optional<Boolean> compInterpretation = QualitativeValues.polarity(component.getInterpretation(), values)
                    .map(ResultTerms.POSITIVE::equals);
            if (component.hasValue()) readValue(component.getValue(), names, compInterpretation, results, terms, values);
            else compInterpretation.ifPresent(detected -> names.forEach(a -> results.putIfAbsent(a, detected)));
        }
        results.forEach((abnormality, detected) -> ctx.out().cytogenetics.add(
                new CytogeneticFinding(abnormality, detected, effective, ctx.provenance(effective))));
    }

    private static Set<CytogeneticAbnormality> namedInCode(CodeableConcept code, CytogeneticTerms terms) {
        Set<CytogeneticAbnormality> names = terms.named(Concepts.text(code));
        for (Coding c : code.getCoding()) terms.byCode(c.getSystem(), c.getCode()).ifPresent(names::add);
        return names;
    }

    private static void readValue(Type value, Set<CytogeneticAbnormality> codeNames, Optional<Boolean> interpretation,
                                  Map<CytogeneticAbnormality, Boolean> results, CytogeneticTerms terms, ResultTerms values) {
        if (value instanceof BooleanType b && b.getValue() != null) {
            codeNames.forEach(a -> results.putIfAbsent(a, b.booleanValue()));
            return;
        }
        String text = null;
        if (value instanceof StringType s) text = s.getValue();
        else if (value instanceof CodeableConcept cc) {
            for (Coding c : cc.getCoding()) {
                Optional<String> p = values.polarity(c.getSystem(), c.getCode());
                if (p.isPresent()) {
                    boolean detected = ResultTerms.POSITIVE.equals(p.get());
                    codeNames.forEach(a -> results.putIfAbsent(a, detected));
                    return;
                }
            }
            text = Concepts.text(cc);
        }
        if (text == null || text.isBlank()) {
            interpretation.ifPresent(detected -> codeNames.forEach(a -> results.putIfAbsent(a, detected)));
            return;
        }
        // Clause by clause, so "t(4;14) detected; del(17p) not detected" yields one result per abnormality. A clause
        // naming an abnormality without a result word carries on the previous clause's result ("Negative for t(4;14),
        // t(14;16)"); with none before it, naming it is the finding ("del(17p) in 40% of nuclei").
        Optional<Boolean> carried = Optional.empty();
        for (String clause : clauses(text)) {
            Set<CytogeneticAbnormality> named = terms.named(clause);
            Optional<Boolean> polarity = PERCENT_OF_CELLS.matcher(clause).find() ? Optional.of(true)
                    : values.polarity(clause).map(ResultTerms.POSITIVE::equals);
            if (!named.isEmpty()) {
                Optional<Boolean> fallback = carried.isPresent() ? carried : interpretation;
                boolean detected = polarity.orElse(fallback.orElse(true));
                named.forEach(a -> results.putIfAbsent(a, detected));
            } else if (polarity.isPresent()) {
                boolean detected = polarity.get();
                codeNames.forEach(a -> results.putIfAbsent(a, detected));
            }
            if (polarity.isPresent()) carried = polarity;
        }
    }

    private static final java.util.regex.Pattern PERCENT_OF_CELLS = java.util.regex.Pattern.compile("\\d+(?:\\.\\d+)?\\s*%");

    /** A full stop followed by white space; "p13.1" and "60.5%" are not sentence ends. */
    private static boolean isSentenceEnd(String text, int i) {
        return text.charAt(i) == '.' && i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1));
    }

    /** Splits at ';', ',', sentence ends and line breaks outside parentheses: "t(4;14)" must stay whole. */
    static java.util.List<String> clauses(String text) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '(' || ch == '[') depth++;
            else if ((ch == ')' || ch == ']') && depth > 0) depth--;
            else if (depth == 0 && (ch == ';' || ch == ',' || ch == '\n' || isSentenceEnd(text, i))) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }
}
