package org.myelomacds.fhir;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.DiseaseTrend;
import org.myelomacds.facts.Measurement;
import org.myelomacds.facts.MeasurementKind;
import org.myelomacds.facts.ParaproteinIsotype;
import org.myelomacds.facts.TransplantEligibilityAssertion;
import org.myelomacds.facts.UnrecognisedCode;
import org.myelomacds.evidence.terminology.CodeSystems;
import org.myelomacds.evidence.terminology.ObservationTerms;
import org.myelomacds.evidence.terminology.ObservationTerms.ObservationCode;
import org.myelomacds.evidence.terminology.ResultTerms;
import org.myelomacds.evidence.terminology.Terminology;

/**
 * Observation → Measurement, DiseaseStatus, TransplantEligibilityAssertion, ParaproteinIsotype or
 * CytogeneticFinding. Values are normalised to the canonical unit; a unit that cannot be converted or a
 * non-number where a number is needed is recorded as unreadable, an Observation without any value is ignored.
 */
final class ObservationMapper {
    private ObservationMapper() { }

    /** "&gt;60", "≥ 90 mL/min/1.73m2", "1.2" — an optional comparator, a number, and an optional unit. */
    private static final Pattern NUMBER_TEXT = Pattern.compile("^\\s*(<=|>=|<|>|≤|≥)?\\s*(-?\\d+(?:[.,]\\d+)?)\\s*(.*?)\\s*$");
    /** "55-60%", "55 – 60 %", "55 to 60": two numbers joined as a range (an echo report's usual LVEF wording). */
    private static final Pattern RANGE_TEXT = Pattern.compile("^\\s*(\\d+(?:[.,]\\d+)?)\\s*(?:-|–|—|to)\\s*(\\d+(?:[.,]\\d+)?)\\s*(.*?)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ECOG_TEXT = Pattern.compile("(?:ecog|who|zubrod)\\D{0,12}?([0-5])\\b|^\\s*([0-5])\\b", Pattern.CASE_INSENSITIVE);

    private static final java.util.Set<String> BOUNDS = java.util.Set.of("<", "<=", ">", ">=");
    /** Fractions of a whole: above 100 % is impossible, not merely unusual (FEV1 % predicted can exceed 100). */
    private static final java.util.Set<MeasurementKind> PERCENT_OF_WHOLE = java.util.EnumSet.of(MeasurementKind.LVEF);
    /** Results that set renal dosing and eligibility: never read without a stated unit in a Quantity. */
    private static final java.util.Set<MeasurementKind> RENAL = java.util.EnumSet.of(MeasurementKind.EGFR,
            MeasurementKind.SERUM_CREATININE, MeasurementKind.CREATININE_CLEARANCE);
    /**
     * Serum M-protein decides relapse and refractoriness (the IMWG rise of 0.5 g/dL): labs report it in g/dL and in g/L,
     * ten times apart, so a value with no unit is never assumed to be g/dL either.
     */
    private static final java.util.Set<MeasurementKind> RELAPSE_MARKERS = java.util.EnumSet.of(MeasurementKind.SERUM_M_PROTEIN);

    static void map(Observation obs, EntryContext ctx) {
        Observation.ObservationStatus status = obs.getStatus();
        if (status == Observation.ObservationStatus.ENTEREDINERROR || status == Observation.ObservationStatus.CANCELLED) return;
        LocalDate effective = effective(obs);
        ObservationTerms terms = ctx.terms().observations();

        for (Coding c : obs.getCode().getCoding()) {
            Optional<ObservationCode> code = terms.lookup(c.getSystem(), c.getCode());
            if (code.isPresent()) {
                measurement(obs, code.get(), effective, ctx);
                if (code.get().kind() == MeasurementKind.SERUM_IMMUNOFIXATION) isotype(obs, effective, ctx);
                return;
            }
            if (terms.isDiseaseStatus(c.getSystem(), c.getCode())) {
                diseaseStatus(obs, effective, ctx);
                return;
            }
            if (terms.isTransplantEligibility(c.getSystem(), c.getCode())) {
                transplantEligibility(obs, effective, ctx);
                return;
            }
            if (terms.isIsotype(c.getSystem(), c.getCode())) {
                isotype(obs, effective, ctx);
                return;
            }
        }
        // No standard code for FISH results or the isotype (§9.3): read the text.
        if (terms.isIsotypeCodeText(Concepts.text(obs.getCode()))) {
            isotype(obs, effective, ctx);
            return;
        }
        CytogeneticsReader.read(obs, effective, ctx);
    }

    static LocalDate effective(Observation obs) {
        LocalDate d = obs.hasEffective() ? FhirDates.startOf(obs.getEffective()) : null;
        if (d == null && obs.hasIssued()) d = FhirDates.of(obs.getIssuedElement());
        return d;
    }

    /** The latest day the effective date can stand for: a partial "2026-07" is any day of July (null when undated). */
    static LocalDate latestEffective(Observation obs) {
        LocalDate d = obs.hasEffective() ? FhirDates.latestStartOf(obs.getEffective()) : null;
        if (d == null && obs.hasIssued()) d = FhirDates.latest(obs.getIssuedElement());
        return d;
    }

    // ---- measurements ----

    private static void measurement(Observation obs, ObservationCode code, LocalDate effective, EntryContext ctx) {
        MeasurementKind kind = code.kind();
        if (!obs.hasValue()) return; // no result (or dataAbsentReason): nothing to read, nothing wrong
        Measurement m;
        switch (kind) {
            case ECOG: case KARNOFSKY:
                m = performanceStatus(obs, kind, effective, ctx);
                break;
            case ABO_RH_GROUP: case ABO_GROUP: case RH_TYPE:
                m = bloodGroup(obs, kind, effective, ctx);
                break;
            case HBSAG: case ANTI_HBC: case ANTIBODY_SCREEN: case SERUM_IMMUNOFIXATION:
                m = qualitative(obs, kind, effective, ctx);
                break;
            case PREGNANCY_STATUS:
                m = pregnancyStatus(obs, effective, ctx);
                break;
            default:
                m = numeric(obs, code, effective, ctx);
        }
        // a partial date keeps its interval, so freshness is judged on every day it may stand for
        if (m != null) ctx.out().measurements.add(m.withEffectiveLatest(latestEffective(obs)));
    }

    private static Measurement numeric(Observation obs, ObservationCode code, LocalDate effective, EntryContext ctx) {
        MeasurementKind kind = code.kind();
        Type value = obs.getValue();
        BigDecimal number;
        String comparator = null;
        String unit;
        String field;
        if (value instanceof Quantity q) {
            field = "Observation.valueQuantity";
            if (!q.hasValue()) return null;
            number = q.getValue();
            if (q.hasComparator()) comparator = q.getComparator().toCode();
            if ((RENAL.contains(kind) || RELAPSE_MARKERS.contains(kind)) && !q.hasUnit() && !q.hasCode()) {
                // A structured renal result with no unit at all cannot be told from one in another unit (mL/min,
                // mg/dL, µmol/L all occur under these codes), and it decides dosing and eligibility thresholds:
                // refused like any other unit it cannot read, never assumed to be the code's usual unit.
                ctx.problem(field + ".unit", "value " + number.stripTrailingZeros().toPlainString()
                        + " has no unit; " + kind + " is not read without one (" + kind.getCanonicalUnit() + " expected)");
                return null;
            }
            unit = unitOf(q, code);
        } else if (value instanceof IntegerType i) {
            field = "Observation.valueInteger";
            number = BigDecimal.valueOf(i.getValue());
            unit = code.impliedUnit();
        } else if (value instanceof StringType s) {
            field = "Observation.valueString";
            Matcher range = RANGE_TEXT.matcher(s.getValue() == null ? "" : s.getValue());
            if (range.matches()) {
                // Read as one number it would be "55" in unit "-60%"; a range is not a measurement the rules compare
                // against a threshold, so it is refused by name (with its location), never cut to one end.
                ctx.problem(field, "value '" + s.getValue() + "' is a range (" + range.group(1) + " to " + range.group(2)
                        + "); a range is not supported for " + kind + ": record one value, or a bound such as '>="
                        + range.group(1) + "'");
                return null;
            }
            Matcher m = NUMBER_TEXT.matcher(s.getValue() == null ? "" : s.getValue());
            if (!m.matches()) {
                Optional<String> polarity = ctx.terms().results().polarity(s.getValue());
                if (kind == MeasurementKind.HBV_DNA && polarity.isPresent()) {
                    return new Measurement(kind, null, polarity.get(), null, false, effective, List.of(ctx.provenance(effective)));
                }
                ctx.problem(field, "value '" + s.getValue() + "' is not a number (" + kind + " needs one)");
                return null;
            }
            number = new BigDecimal(m.group(2).replace(',', '.'));
            comparator = normaliseComparator(m.group(1));
            unit = m.group(3).isEmpty() ? code.impliedUnit() : m.group(3);
        } else if (value instanceof CodeableConcept cc && kind == MeasurementKind.HBV_DNA) {
            Optional<String> polarity = QualitativeValues.polarity(cc, ctx.terms().results());
            if (polarity.isEmpty()) return null;
            return new Measurement(kind, null, polarity.get(), null, false, effective, List.of(ctx.provenance(effective)));
        } else {
            ctx.problem("Observation.value[x]", "a " + value.fhirType() + " where " + kind + " needs a number");
            return null;
        }
        OptionalDouble canonical = UnitConverter.toCanonical(kind, number.doubleValue(), unit);
        if (canonical.isEmpty()) {
            ctx.problem(field + (value instanceof Quantity ? ".unit" : ""),
                    "unit '" + unit + "' cannot be converted to " + kind.getCanonicalUnit() + " for " + kind);
            return null;
        }
        if (comparator != null && !BOUNDS.contains(comparator)) {
            ctx.problem(field + ".comparator", "comparator '" + comparator + "' is not a bound (<, <=, >, >=); " + kind
                    + " cannot be read from it");
            return null;
        }
        if (canonical.getAsDouble() < 0 || (PERCENT_OF_WHOLE.contains(kind) && canonical.getAsDouble() > 100)) {
            ctx.problem(field, "value " + number.stripTrailingZeros().toPlainString() + " is outside the possible range of "
                    + kind + (PERCENT_OF_WHOLE.contains(kind) ? " (0–100 %)" : " (not negative)"));
            return null;
        }
        String textValue = comparator == null ? null : comparator + number.stripTrailingZeros().toPlainString();
        return new Measurement(kind, canonical.getAsDouble(), comparator, textValue, code.method(), false, effective,
                List.of(ctx.provenance(effective)));
    }

    /** The UCUM code when the quantity is UCUM-coded, else the human unit, else what the LOINC code implies. */
    private static String unitOf(Quantity q, ObservationCode code) {
        if (q.hasCode() && (!q.hasSystem() || CodeSystems.same(q.getSystem(), CodeSystems.UCUM))) return q.getCode();
        if (q.hasUnit()) return q.getUnit();
        return code.impliedUnit();
    }

    private static String normaliseComparator(String c) {
        if (c == null) return null;
        return c.equals("≥") ? ">=" : c.equals("≤") ? "<=" : c;
    }

    private static Measurement performanceStatus(Observation obs, MeasurementKind kind, LocalDate effective, EntryContext ctx) {
        int max = kind == MeasurementKind.ECOG ? 5 : 100;
        Type value = obs.getValue();
        Integer score = null;
        String field = "Observation.value[x]";
        if (value instanceof IntegerType i) {
            field = "Observation.valueInteger";
            score = i.getValue();
        } else if (value instanceof Quantity q && q.hasValue()) {
            field = "Observation.valueQuantity";
            score = q.getValue().intValue();
        } else if (value instanceof CodeableConcept cc) {
            field = "Observation.valueCodeableConcept";
            score = kind == MeasurementKind.ECOG ? ecogAnswer(cc, ctx.terms()) : leadingNumber(Concepts.text(cc));
        } else if (value instanceof StringType s) {
            field = "Observation.valueString";
            score = kind == MeasurementKind.ECOG ? ecogText(s.getValue()) : leadingNumber(s.getValue());
        }
        if (score == null) {
            ctx.problem(field, "cannot read a " + kind + " score from this value");
            return null;
        }
        if (score < 0 || score > max) {
            ctx.problem(field, kind + " score " + score + " is outside 0–" + max);
            return null;
        }
        return new Measurement(kind, score.doubleValue(), null, null, false, effective, List.of(ctx.provenance(effective)));
    }

    private static Integer ecogAnswer(CodeableConcept cc, Terminology terms) {
        for (Coding c : cc.getCoding()) {
            Optional<Integer> grade = terms.results().ecogGrade(c.getSystem(), c.getCode());
            if (grade.isPresent()) return grade.get();
        }
        if (cc.hasText()) {
            Integer t = ecogText(cc.getText());
            if (t != null) return t;
        }
        for (Coding c : cc.getCoding()) {
            Integer t = ecogText(c.getDisplay());
            if (t != null) return t;
        }
        return null;
    }

    private static Integer ecogText(String text) {
        if (text == null) return null;
        Matcher m = ECOG_TEXT.matcher(text);
        if (!m.find()) return null;
        return Integer.valueOf(m.group(1) != null ? m.group(1) : m.group(2));
    }

    private static Integer leadingNumber(String text) {
        if (text == null) return null;
        Matcher m = Pattern.compile("(\\d{1,3})").matcher(text);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static Measurement bloodGroup(Observation obs, MeasurementKind kind, LocalDate effective, EntryContext ctx) {
        Type value = obs.getValue();
        String text = null;
        if (value instanceof CodeableConcept cc) {
            text = Concepts.display(cc);
            if (text == null && cc.hasCoding()) text = cc.getCodingFirstRep().getCode();
        } else if (value instanceof StringType s) {
            text = s.getValue();
        }
        if (text == null || text.isBlank()) {
            ctx.problem("Observation.value[x]", "a " + value.fhirType() + " where a blood group is expected");
            return null;
        }
        return new Measurement(kind, null, text.trim(), null, false, effective, List.of(ctx.provenance(effective)));
    }

    private static Measurement qualitative(Observation obs, MeasurementKind kind, LocalDate effective, EntryContext ctx) {
        Type value = obs.getValue();
        ResultTerms results = ctx.terms().results();
        Double number = null;
        Optional<String> polarity = Optional.empty();
        String raw = null;
        if (value instanceof CodeableConcept cc) {
            polarity = QualitativeValues.polarity(cc, results);
            raw = Concepts.display(cc);
        } else if (value instanceof StringType s) {
            polarity = results.polarity(s.getValue());
            raw = s.getValue();
        } else if (value instanceof BooleanType b) {
            polarity = Optional.of(b.booleanValue() ? ResultTerms.POSITIVE : ResultTerms.NEGATIVE);
        } else if (value instanceof Quantity q && q.hasValue()) {
            number = q.getValue().doubleValue(); // an index value (S/CO): kept as reported, polarity from interpretation
        }
        if (polarity.isEmpty()) polarity = QualitativeValues.polarity(obs.getInterpretation(), results);
        if (polarity.isEmpty() && kind == MeasurementKind.SERUM_IMMUNOFIXATION && ctx.terms().isotypes().parse(raw).isPresent()) {
            polarity = Optional.of(ResultTerms.POSITIVE); // "IgG kappa" names a band that was seen
        }
        String text = polarity.orElse(raw == null ? null : raw.trim().toUpperCase(Locale.ROOT));
        if (text == null && number == null) {
            ctx.problem("Observation.value[x]", "cannot read a positive/negative result for " + kind + " from this value");
            return null;
        }
        return new Measurement(kind, number, text, null, false, effective, List.of(ctx.provenance(effective)));
    }

    /**
     * PREGNANT when the answer is in {@code pregnancy-status-pregnant} (or is the single word "pregnant"); otherwise the
     * answer's own words, which no rule reads as "cannot become pregnant": "not pregnant" today says nothing about
     * childbearing potential.
     */
    private static Measurement pregnancyStatus(Observation obs, LocalDate effective, EntryContext ctx) {
        String text = null;
        if (obs.getValue() instanceof CodeableConcept cc) {
            for (Coding c : cc.getCoding()) {
                if (ctx.terms().results().isPregnant(c.getSystem(), c.getCode())) text = PREGNANT;
            }
            if (text == null) text = Concepts.display(cc);
        } else if (obs.getValue() instanceof StringType s) {
            text = s.getValue();
        }
        if (text == null || text.isBlank()) {
            ctx.problem("Observation.value[x]", "cannot read a pregnancy status from this value");
            return null;
        }
        text = text.trim().toUpperCase(Locale.ROOT);
        return new Measurement(MeasurementKind.PREGNANCY_STATUS, null, text, null, false, effective,
                List.of(ctx.provenance(effective)));
    }

    /** The pregnancy status that says pregnant, as the rules read it. */
    static final String PREGNANT = "PREGNANT";

    // ---- other facts ----

    /**
     * Statuses (CDS-POLICY-DISEASE-STATUS): entered-in-error and cancelled are dropped in {@link #map}; final, amended,
     * corrected and unknown are read as recorded; preliminary and registered are kept as possible assessments, never a
     * progression on their own. An answer that no disease-status value set recognises (a text such as "PD" with no code,
     * a code outside rules/terminology/disease-status-*) is kept as OTHER and listed as unrecognised: the engine does not
     * guess what an abbreviation means, and the rules leave what it could change unknown. A coded answer whose own text
     * or display reads the other way across the progression divide (code stable, text "PD") is read as neither, kept as
     * OTHER with both readings named (its data gap says so; it is not listed as unrecognised: its code is).
     */
    private static void diseaseStatus(Observation obs, LocalDate effective, EntryContext ctx) {
        if (!obs.hasValue()) return;
        boolean preliminary = obs.getStatus() == Observation.ObservationStatus.PRELIMINARY
                || obs.getStatus() == Observation.ObservationStatus.REGISTERED;
        LocalDate latest = latestEffective(obs);
        if (!(obs.getValue() instanceof CodeableConcept cc)) {
            if (obs.getValue() instanceof StringType s) {
                DiseaseTrend trend = ctx.terms().diseaseStatus().fromText(s.getValue());
                if (trend == DiseaseTrend.OTHER) {
                    unreadableText(s.getValue(), effective, latest, preliminary, s.getValue(), ctx);
                    return;
                }
                ctx.out().diseaseStatuses.add(new DiseaseStatus(trend, effective, latest,
                        ctx.provenance(effective, latest), preliminary, s.getValue()));
            } else {
                ctx.problem("Observation.value[x]", "disease status needs a valueCodeableConcept, found " + obs.getValue().fhirType());
            }
            return;
        }
        DiseaseTrend trend = null;
        Coding answer = null;
        for (Coding c : cc.getCoding()) {
            Optional<DiseaseTrend> t = ctx.terms().diseaseStatus().answer(c.getSystem(), c.getCode());
            if (t.isPresent()) {
                trend = t.get();
                answer = c;
                break;
            }
        }
        if (answer != null) {
            String conflict = conflict(cc, answer, trend, ctx);
            if (conflict != null) {
                // not listed in findings.unrecognised: the code is recognised; the data gap (GAP-STATUS-10) names both readings
                ctx.out().diseaseStatuses.add(DiseaseStatus.conflicting(effective, latest, ctx.provenance(effective, latest),
                        preliminary, recordedValue(cc), conflict));
                return;
            }
        }
        if (trend == null) trend = ctx.terms().diseaseStatus().fromText(Concepts.text(cc));
        if (trend == DiseaseTrend.OTHER) {
            if (cc.getCoding().isEmpty()) {
                unreadableText(cc.getText(), effective, latest, preliminary, recordedValue(cc), ctx);
                return;
            }
            for (Coding c : cc.getCoding()) {
                ctx.out().unrecognised.add(new UnrecognisedCode("Observation", ctx.reference(), c.getSystem(), c.getCode(),
                        c.hasDisplay() ? c.getDisplay() : cc.getText(), UNREADABLE_STATUS));
            }
            String text = Concepts.text(cc);
            String codes = String.join(", ", cc.getCoding().stream()
                    .map(c -> CodeSystems.displayName(c.getSystem()) + " " + c.getCode()).toList());
            ctx.out().diseaseStatuses.add(DiseaseStatus.unreadable(effective, latest, ctx.provenance(effective, latest),
                    preliminary, recordedValue(cc), (cc.getCoding().size() == 1 ? "whose code " + codes + " is" : "whose codes "
                            + codes + " are") + " in no disease-status value set in rules/terminology/ and "
                            + (text.isBlank() ? "which has no text" : "whose text " + ctx.terms().diseaseStatus().whyTextUnread(text))));
            return;
        }
        ctx.out().diseaseStatuses.add(new DiseaseStatus(trend, effective, latest, ctx.provenance(effective, latest),
                preliminary, recordedValue(cc)));
    }

    /**
     * A written answer with no code that the value sets' words do not read, kept as OTHER with why (the data gap quotes
     * it). Listed as unrecognised unless it negates a status word: that word is recognised, and no entry in
     * rules/terminology/ would make its denial readable, so a reviewer is not sent there (the gap names it).
     */
    private static void unreadableText(String text, LocalDate effective, LocalDate latest, boolean preliminary,
                                       String recordedValue, EntryContext ctx) {
        if (ctx.terms().diseaseStatus().negatedWord(text).isEmpty()) {
            ctx.out().unrecognised.add(new UnrecognisedCode("Observation", ctx.reference(), null, null, text, UNREADABLE_STATUS));
        }
        ctx.out().diseaseStatuses.add(DiseaseStatus.unreadable(effective, latest, ctx.provenance(effective, latest),
                preliminary, recordedValue, text == null || text.isBlank() ? "which has neither a code nor a text"
                        : "whose text " + ctx.terms().diseaseStatus().whyTextUnread(text)));
    }

    /** The category an unreadable disease-status answer is listed under in findings.unrecognised. */
    static final String UNREADABLE_STATUS = "disease status answer";

    /**
     * "coded SNOMED CT 359746009 'Patient's condition stable (finding)' (stable), but its text 'PD' reads as progression",
     * when the concept's text or a coding's display names an answer across the progression divide from the code
     * (CDS-POLICY-DISEASE-STATUS); null when they agree or the text names no answer. Displays count: they are the
     * answer as the sender wrote it, and the display of a recognised code names its own answer.
     */
    private static String conflict(CodeableConcept cc, Coding answer, DiseaseTrend coded, EntryContext ctx) {
        List<String> texts = new ArrayList<>();
        if (cc.hasText()) texts.add(cc.getText());
        for (Coding c : cc.getCoding()) if (c.hasDisplay()) texts.add(c.getDisplay());
        for (String text : texts) {
            Optional<DiseaseTrend> other = ctx.terms().diseaseStatus().contradiction(coded, text);
            if (other.isPresent()) {
                return "coded " + CodeSystems.displayName(answer.getSystem()) + " " + answer.getCode()
                        + " (" + word(coded) + "), but its " + (text.equals(cc.getText()) ? "text" : "display") + " '"
                        + text + "' reads as " + word(other.get());
            }
        }
        return null;
    }

    private static String word(DiseaseTrend t) { return t.name().toLowerCase(Locale.ROOT); }

    /** "PD", or "SNOMED 42425007 'Equivocal'" when the answer is coded: what the record says, to quote in a gap. */
    private static String recordedValue(CodeableConcept cc) {
        if (cc.hasText() && !cc.getText().isBlank()) return cc.getText();
        return String.join(", ", cc.getCoding().stream()
                .map(c -> CodeSystems.displayName(c.getSystem()) + " " + c.getCode() + (c.hasDisplay() ? " '" + c.getDisplay() + "'" : ""))
                .toList());
    }

    private static void transplantEligibility(Observation obs, LocalDate effective, EntryContext ctx) {
        if (!obs.hasValue()) return;
        if (obs.getValue() instanceof BooleanType b && b.getValue() != null) {
            ctx.out().transplantAssertions.add(new TransplantEligibilityAssertion(b.booleanValue(), effective, ctx.provenance(effective)));
        } else {
            ctx.problem("Observation.value[x]", "transplant-eligibility needs valueBoolean, found " + obs.getValue().fhirType());
        }
    }

    private static void isotype(Observation obs, LocalDate effective, EntryContext ctx) {
        String text = null;
        if (obs.getValue() instanceof CodeableConcept cc) text = Concepts.text(cc);
        else if (obs.getValue() instanceof StringType s) text = s.getValue();
        if (text == null) return;
        if (ctx.terms().results().polarity(text).filter(ResultTerms.NEGATIVE::equals).isPresent()) return;
        ctx.terms().isotypes().parse(text).ifPresent(i -> ctx.out().isotypes.add(
                new ParaproteinIsotype(i.heavyChain(), i.lightChain(), ctx.provenance(effective))));
    }
}
