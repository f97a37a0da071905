package org.myelomacds.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Reference;
import org.myelomacds.evidence.terminology.ConditionTerms;
import org.myelomacds.evidence.terminology.Terminology;
import org.myelomacds.facts.ConditionKind;
import org.myelomacds.facts.TherapyReason;

/**
 * Reads why a medication was given: {@code reasonReference} followed to a bundled Condition (by fullUrl or
 * "Condition/id"), and {@code reasonCode}, each classified with the condition value sets. A referenced Condition the
 * engine does not recognise (breast cancer) is still a diagnosis in the record, so it is kept with its text; a
 * reference to a Condition not in the bundle is kept only when its display names a condition the terminology reads.
 * Referenced Conditions are parsed once, when something points to them. A coding of a step of care rather than a
 * disease ("awaiting transplantation of bone marrow", "encounter for antineoplastic chemotherapy" Z51.11,
 * {@code reason-names-no-condition}) states no purpose and is left out; the concept's other codings still state one
 * (Z51.11 beside C50.912 reads as the breast cancer), and a concept with no other coding is left out whole.
 */
final class ReasonResolver {
    private final List<ScannedEntry> conditions;
    private final EntryParser parser;
    private final Terminology terms;
    private final Map<Integer, Optional<TherapyReason>> parsed = new HashMap<>();

    ReasonResolver(BundleScan scan, EntryParser parser, Terminology terms) {
        this.conditions = scan.entries.stream().filter(e -> e.resourceType().equals("Condition")).toList();
        this.parser = parser;
        this.terms = terms;
    }

    List<TherapyReason> reasons(List<Reference> references, List<CodeableConcept> codes) {
        List<TherapyReason> out = new ArrayList<>();
        for (Reference ref : references) {
            if (ref == null || ref.isEmpty()) continue;
            Optional<TherapyReason> r = ref.hasReference() ? resolve(ref.getReference()) : Optional.empty();
            if (r.isEmpty() && ref.hasDisplay()) {
                Optional<ConditionKind> named = terms.conditions().byText(ref.getDisplay());
                if (named.isPresent()) r = Optional.of(new TherapyReason(named.get(), ref.getDisplay(), null, false));
            }
            r.ifPresent(out::add);
        }
        for (CodeableConcept stated : codes) {
            CodeableConcept code = withoutCareStepCodings(stated);
            if (code == null) continue;
            ConditionKind kind = classify(code);
            boolean otherDisease = kind == null && code.getCoding().stream()
                    .anyMatch(c -> TherapyReason.isOtherDiseaseCode(c.getSystem(), c.getCode()));
            out.add(new TherapyReason(kind, Concepts.displayOrCode(code), null, false, otherDisease));
        }
        return out;
    }

    private Optional<TherapyReason> resolve(String reference) {
        for (ScannedEntry e : conditions) {
            if (!e.isReferencedBy(reference)) continue;
            return parsed.computeIfAbsent(e.index(), i -> {
                try {
                    Condition c = parser.parse(Condition.class, e);
                    CodeableConcept code = c.hasCode() ? withoutCareStepCodings(c.getCode()) : c.getCode();
                    if (c.hasCode() && code == null) return Optional.empty();
                    return Optional.of(new TherapyReason(classify(code), Concepts.displayOrCode(code),
                            e.reference(), true));
                } catch (RuntimeException ex) {
                    return Optional.empty(); // the Condition's own mapping reports it as unreadable
                }
            });
        }
        return Optional.empty();
    }

    /**
     * The concept without its codings of a step of care ({@code reason-names-no-condition}, CDS-POLICY-REASON-ENCOUNTER-CODE);
     * the concept itself when it has none; null when it is empty or such codings are all it has. Its text goes with
     * the remaining codings: it describes the concept, whose other codings name the condition.
     */
    private CodeableConcept withoutCareStepCodings(CodeableConcept code) {
        if (code == null || code.isEmpty()) return null;
        List<Coding> kept = code.getCoding().stream()
                .filter(c -> !terms.conditions().namesNoCondition(c.getSystem(), c.getCode())).toList();
        if (kept.size() == code.getCoding().size()) return code;
        if (kept.isEmpty()) return null;
        CodeableConcept rest = new CodeableConcept().setText(code.getText());
        kept.forEach(rest::addCoding);
        return rest;
    }

    private ConditionKind classify(CodeableConcept code) {
        if (code == null) return null;
        ConditionTerms conditionTerms = terms.conditions();
        for (Coding c : code.getCoding()) {
            String codingText = (c.hasDisplay() ? c.getDisplay() : "") + " " + (code.hasText() ? code.getText() : "");
            Optional<ConditionTerms.Match> m = conditionTerms.classify(c.getSystem(), c.getCode(), codingText);
            if (m.isPresent()) return m.get().kind();
        }
        return conditionTerms.byText(Concepts.text(code)).orElse(null);
    }
}
