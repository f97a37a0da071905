package org.myelomacds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.DiseaseTrend;
import org.myelomacds.facts.Measurement;
import org.myelomacds.facts.MeasurementKind;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.UnreadableInput;
import org.myelomacds.facts.UnrecognisedCode;

class ObservationMappingTest {

    private static final double EPS = 1e-9;
    private static final LocalDate EFFECTIVE = LocalDate.of(2026, 10, 2);

    private static Measurement only(PatientRecord r) {
        assertEquals(List.of(), r.unreadable(), "unexpected unreadable inputs");
        assertEquals(1, r.measurements().size(), "measurements: " + r.measurements());
        return r.measurements().get(0);
    }

    private static Measurement measure(String loinc, String valueJson) {
        return only(Bundles.read(Bundles.loincObservation("obs-1", loinc, valueJson)));
    }

    private static UnreadableInput problem(String loinc, String valueJson) {
        PatientRecord r = Bundles.read(Bundles.loincObservation("obs-1", loinc, valueJson));
        assertEquals(List.of(), r.measurements());
        assertEquals(1, r.unreadable().size());
        return r.unreadable().get(0);
    }

    @ParameterizedTest(name = "eGFR {0} → {1}")
    @CsvSource({
            "33914-3, MDRD", "48642-3, MDRD", "48643-1, MDRD", "77147-7, MDRD",
            "62238-1, CKD-EPI 2009", "88293-6, CKD-EPI 2009", "88294-4, CKD-EPI 2009",
            "98979-8, CKD-EPI 2021",
            "98980-6, CKD-EPI creatinine-cystatin C", "94677-2, CKD-EPI creatinine-cystatin C",
            "50044-7, unspecified (unverified code)", "50210-4, unspecified (unverified code)",
            "69405-9, unspecified (unverified code)", "70969-1, unspecified (unverified code)"})
    void everyEgfrLoinc(String loinc, String method) {
        Measurement m = measure(loinc, Bundles.quantity("38", "mL/min/{1.73_m2}"));
        assertEquals(MeasurementKind.EGFR, m.getKind());
        assertEquals(38.0, m.getValue(), EPS);
        assertEquals("mL/min/1.73m2", m.getUnit());
        assertEquals(method, m.getMethod());
        assertEquals(EFFECTIVE, m.getEffective());
        assertEquals(List.of(new Provenance("Observation/obs-1", EFFECTIVE)), m.getProvenance());
        assertNull(m.getTextValue());
    }

    @Test
    void schwartzEgfrIsPaediatricAndNotRead() {
        PatientRecord r = Bundles.read(Bundles.loincObservation("obs-1", "50384-7", Bundles.quantity("38", "mL/min/{1.73_m2}")));
        assertEquals(List.of(), r.measurements());
        assertEquals(1, r.skippedResources().get("Observation (unrecognised code)"));
    }

    @Test
    void egfrAsGreaterThanStringKeepsNumberAndComparator() {
        Measurement m = measure("98979-8", "\"valueString\":\">60\"");
        assertEquals(60.0, m.getValue(), EPS);
        assertEquals(">60", m.getTextValue());
        assertEquals(">", m.getComparator());
    }

    @Test
    void egfrBelow15IsKeptAsABoundNotAsFifteen() {
        Measurement m = measure("33914-3", "\"valueQuantity\":{\"value\":15,\"comparator\":\"<\",\"unit\":\"mL/min/1.73m2\"}");
        assertEquals("<", m.getComparator());
        assertTrue(m.certainlyBelow(15), "<15 is below the IKEMA floor of 15");
        Measurement exact = measure("33914-3", "\"valueQuantity\":{\"value\":15,\"unit\":\"mL/min/1.73m2\"}");
        assertFalse(exact.certainlyBelow(15), "near miss: exactly 15 is at the floor");
        assertEquals(null, exact.getComparator());
    }

    @Test
    void comparatorWrittenAsUnicodeInTextIsNormalised() {
        Measurement m = measure("98979-8", "\"valueString\":\"≤ 29 mL/min/1.73m2\"");
        assertEquals("<=", m.getComparator());
        assertTrue(m.certainlyBelow(30));
    }

    @Test
    void negativeValuesAndAnLvefAbove100AreRefusedWithTheirLocation() {
        UnreadableInput p = problem("33914-3", "\"valueQuantity\":{\"value\":-5,\"unit\":\"mL/min/1.73m2\"}");
        assertEquals("Observation.valueQuantity", p.getField());
        assertTrue(p.getMessage().contains("outside the possible range"), p.getMessage());
        UnreadableInput lvef = problem("10230-1", "\"valueQuantity\":{\"value\":140,\"unit\":\"%\"}");
        assertTrue(lvef.getMessage().contains("0–100"), lvef.getMessage());
        // near miss: an FEV1 % predicted above 100 is possible and read
        assertEquals(112.0, measure("20152-5", "\"valueQuantity\":{\"value\":112,\"unit\":\"%\"}").getValue(), EPS);
    }

    @Test
    void egfrQuantityWithComparatorAndLegacyUnitSpelling() {
        Measurement m = measure("62238-1",
                "\"valueQuantity\":{\"value\":90,\"comparator\":\">=\",\"unit\":\"mL/min/1.73 m²\"}");
        assertEquals(90.0, m.getValue(), EPS);
        assertEquals(">=90", m.getTextValue());
        assertEquals("CKD-EPI 2009", m.getMethod());
    }

    @Test
    void egfrInMlPerMinOnAnIndexedLoincCodeIsReadAsTheCodeDefines() {
        // 33914-3 and 98979-8 are defined per 1.73 m2; Synthea sends 33914-3 with the unit "mL/min"
        assertEquals(52.0, measure("98979-8", Bundles.quantity("52", "mL/min")).getValue(), EPS);
        assertEquals(7.55, measure("33914-3", Bundles.quantity("7.55", "mL/min")).getValue(), EPS);
        // near misses: the indexed unit is read the same; a creatinine clearance in mL/min stays a clearance
        assertEquals(52.0, measure("98979-8", Bundles.quantity("52", "mL/min/{1.73_m2}")).getValue(), EPS);
        assertEquals(MeasurementKind.CREATININE_CLEARANCE, measure("35591-7", Bundles.quantity("52", "mL/min")).getKind());
        // a unit of another dimension is still refused
        assertEquals("Observation.valueQuantity.unit", problem("98979-8", Bundles.quantity("1.2", "mg/dL")).getField());
    }

    @ParameterizedTest(name = "LVEF range \"{0}\"")
    @ValueSource(strings = {"55-60%", "55 - 60 %", "55–60", "55 to 60 %"})
    void lvefRangeIsRefusedAsARange(String text) {
        UnreadableInput p = problem("10230-1", "\"valueString\":\"" + text + "\"");
        assertEquals("Observation.valueString", p.getField());
        assertTrue(p.getMessage().contains("is a range (55 to 60); a range is not supported for LVEF"), p.getMessage());
    }

    @Test
    void lvefNearMissesAreRead() {
        // one value or a bound is read; a negative number is not a range
        assertEquals(55.0, measure("10230-1", "\"valueString\":\"55%\"").getValue(), EPS);
        assertEquals(">=55", measure("10230-1", "\"valueString\":\">= 55 %\"").getTextValue());
        UnreadableInput negative = problem("10230-1", "\"valueString\":\"-5 %\"");
        assertTrue(negative.getMessage().contains("outside the possible range"), negative.getMessage());
    }

    @ParameterizedTest(name = "CrCl {0}")
    @CsvSource({"35591-7, Cockcroft-Gault (reported), mL/min", "2164-2, measured 24-h urine, mL/min",
            "35592-5, Cockcroft-Gault per BSA, mL/min/{1.73_m2}"})
    void creatinineClearance(String loinc, String method, String unit) {
        Measurement m = measure(loinc, Bundles.quantity("42.5", unit));
        assertEquals(MeasurementKind.CREATININE_CLEARANCE, m.getKind());
        assertEquals(42.5, m.getValue(), EPS);
        assertEquals("mL/min", m.getUnit());
        assertEquals(method, m.getMethod());
    }

    @Test
    void creatinineInMgPerDlIsKept() {
        Measurement m = measure("2160-0", Bundles.quantity("1.8", "mg/dL"));
        assertEquals(MeasurementKind.SERUM_CREATININE, m.getKind());
        assertEquals(1.8, m.getValue(), EPS);
        assertEquals("mg/dL", m.getUnit());
    }

    @Test
    void creatinineInMicromolPerLitreIsConverted() {
        // 133 µmol/L ÷ 88.4 = 1.504524886... mg/dL
        Measurement m = measure("14682-9", Bundles.quantity("133", "umol/L"));
        assertEquals(1.5045, m.getValue(), 1e-4);
        assertEquals(133 / 88.4, m.getValue(), EPS);
    }

    @Test
    void creatinineWithMicroSignAndGreekMuBothConvert() {
        assertEquals(133 / 88.4, measure("14682-9", "\"valueQuantity\":{\"value\":133,\"unit\":\"µmol/L\"}").getValue(), EPS);
        assertEquals(133 / 88.4, measure("38483-4", "\"valueQuantity\":{\"value\":133,\"unit\":\"μmol/L\"}").getValue(), EPS);
    }

    @Test
    void creatinineInMillimolAndMgPerLitre() {
        // 0.133 mmol/L = 133 µmol/L; 15 mg/L = 1.5 mg/dL
        assertEquals(133 / 88.4, measure("14682-9", Bundles.quantity("0.133", "mmol/L")).getValue(), EPS);
        assertEquals(1.5, measure("2160-0", Bundles.quantity("15", "mg/L")).getValue(), EPS);
    }

    @Test
    void creatinineQuantityWithoutUnitIsUnreadable() {
        // 2160-0 (mass concentration) is sent in mg/dL and in mg/L, a factor of 10 apart: the code does not fix the unit.
        assertTrue(problem("2160-0", "\"valueQuantity\":{\"value\":1.2}").getMessage().contains("no unit"));
        assertTrue(problem("14682-9", "\"valueQuantity\":{\"value\":133}").getMessage().contains("no unit"));
        assertEquals(1.2, measure("2160-0", "\"valueQuantity\":{\"value\":1.2,\"code\":\"mg/dL\"}").getValue(), EPS);
    }

    @Test
    void creatinineInMmolPerMolIsUnreadableWithIndexAndField() {
        UnreadableInput p = problem("14682-9", Bundles.quantity("12", "mmol/mol"));
        assertEquals(1, p.getEntryIndex());
        assertEquals("Observation/obs-1", p.getReference());
        assertEquals("Observation.valueQuantity.unit", p.getField());
        assertTrue(p.getMessage().contains("'mmol/mol'") && p.getMessage().contains("mg/dL"), p.getMessage());
    }

    @Test
    void weightInPoundsIsConvertedToKilograms() {
        Measurement m = measure("29463-7", Bundles.quantity("154", "[lb_av]"));
        assertEquals(MeasurementKind.BODY_WEIGHT, m.getKind());
        assertEquals(154 * 0.45359237, m.getValue(), EPS); // 69.853 kg
        assertEquals("kg", m.getUnit());
        assertEquals(69.853, measure("29463-7", "\"valueQuantity\":{\"value\":154,\"unit\":\"lb\"}").getValue(), 1e-3);
        assertEquals(72.5, measure("29463-7", Bundles.quantity("72500", "g")).getValue(), EPS);
    }

    @Test
    void weightInStoneIsUnreadable() {
        UnreadableInput p = problem("29463-7", "\"valueQuantity\":{\"value\":11,\"unit\":\"stone\"}");
        assertEquals("Observation.valueQuantity.unit", p.getField());
        assertTrue(p.getMessage().contains("'stone'") && p.getMessage().contains("kg"), p.getMessage());
    }

    @Test
    void heightInMetresAndInches() {
        assertEquals(172.0, measure("8302-2", Bundles.quantity("1.72", "m")).getValue(), 1e-9);
        assertEquals(68 * 2.54, measure("8302-2", Bundles.quantity("68", "[in_i]")).getValue(), EPS);
    }

    @Test
    void fev1InMillilitresAndPercentPredicted() {
        Measurement fev1 = measure("20150-9", Bundles.quantity("1850", "mL"));
        assertEquals(MeasurementKind.FEV1, fev1.getKind());
        assertEquals(1.85, fev1.getValue(), EPS);
        Measurement pct = measure("20152-5", Bundles.quantity("48", "%"));
        assertEquals(MeasurementKind.FEV1_PERCENT_PREDICTED, pct.getKind());
        assertEquals(48.0, pct.getValue(), EPS);
    }

    @Test
    void lvefPercent() {
        Measurement m = measure("10230-1", Bundles.quantity("35", "%"));
        assertEquals(MeasurementKind.LVEF, m.getKind());
        assertEquals(35.0, m.getValue(), EPS);
    }

    @Test
    void ecogAsLoincAnswerCode() {
        Measurement m = measure("89247-1", """
                "valueCodeableConcept":{"coding":[{"system":"http://loinc.org","code":"LA9624-3",
                 "display":"Ambulatory and capable of all selfcare but unable to carry out any work activities"}]}""");
        assertEquals(MeasurementKind.ECOG, m.getKind());
        assertEquals(2.0, m.getValue(), EPS);
        assertNull(m.getUnit());
    }

    @Test
    void ecogAsIntegerAndAsDisplayText() {
        assertEquals(1.0, measure("89247-1", "\"valueInteger\":1").getValue(), EPS);
        assertEquals(3.0, measure("89247-1", "\"valueCodeableConcept\":{\"text\":\"ECOG 3\"}").getValue(), EPS);
        assertEquals(0.0, measure("89247-1", "\"valueString\":\"0 - fully active\"").getValue(), EPS);
    }

    @Test
    void ecogOutOfRangeIsUnreadable() {
        UnreadableInput p = problem("89247-1", "\"valueInteger\":7");
        assertEquals("Observation.valueInteger", p.getField());
    }

    @Test
    void karnofsky() {
        Measurement m = measure("89243-0", "\"valueInteger\":70");
        assertEquals(MeasurementKind.KARNOFSKY, m.getKind());
        assertEquals(70.0, m.getValue(), EPS);
    }

    @Test
    void hbsagNegativeBySnomedCode() {
        Measurement m = measure("5196-1", """
                "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"260385009","display":"Negative"}]}""");
        assertEquals(MeasurementKind.HBSAG, m.getKind());
        assertEquals("NEGATIVE", m.getTextValue());
        assertNull(m.getValue());
    }

    @Test
    void qualitativeTextIsNormalised() {
        assertEquals("POSITIVE", measure("5195-3", "\"valueString\":\"Reactive\"").getTextValue());
        assertEquals("NEGATIVE", measure("5195-3", "\"valueString\":\"Non-reactive\"").getTextValue());
        assertEquals("NEGATIVE", measure("16933-4", "\"valueCodeableConcept\":{\"text\":\"Not detected\"}").getTextValue());
        assertEquals("POSITIVE", measure("13952-7", """
                "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"260373001"}]}""").getTextValue());
        assertEquals(MeasurementKind.ANTI_HBC, measure("13952-7", "\"valueString\":\"positive\"").getKind());
        assertEquals("POSITIVE", measure("890-4", "\"valueString\":\"Positive\"").getTextValue());
    }

    @Test
    void hbsagWithIndexValueTakesPolarityFromInterpretation() {
        Measurement m = measure("5196-1", """
                "valueQuantity":{"value":0.21,"unit":"{s_co_ratio}"},
                "interpretation":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation","code":"NEG"}]}]""");
        assertEquals(0.21, m.getValue(), EPS);
        assertEquals("NEGATIVE", m.getTextValue());
    }

    @Test
    void hbvDnaInIuPerMl() {
        Measurement m = measure("42595-9", Bundles.quantity("20", "[IU]/mL"));
        assertEquals(MeasurementKind.HBV_DNA, m.getKind());
        assertEquals(20.0, m.getValue(), EPS);
        assertEquals("NEGATIVE", measure("42595-9", "\"valueString\":\"Not detected\"").getTextValue());
    }

    @Test
    void bloodGroupsKeepTheirDisplay() {
        Measurement m = measure("882-1", """
                "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"278149003","display":"A Rh(D) positive"}]}""");
        assertEquals(MeasurementKind.ABO_RH_GROUP, m.getKind());
        assertEquals("A Rh(D) positive", m.getTextValue());
        assertEquals("O", measure("883-9", "\"valueString\":\"O\"").getTextValue());
        assertEquals(MeasurementKind.RH_TYPE, measure("10331-7", "\"valueCodeableConcept\":{\"text\":\"Rh negative\"}").getKind());
    }

    @Test
    void paraproteinAndFreeLightChains() {
        assertEquals(2.3, measure("33358-3", Bundles.quantity("23", "g/L")).getValue(), EPS);
        assertEquals(2.3, measure("33358-3", Bundles.quantity("2.3", "g/dL")).getValue(), EPS);
        Measurement kappa = measure("36916-5", Bundles.quantity("45.6", "mg/dL"));
        assertEquals(MeasurementKind.FREE_KAPPA, kappa.getKind());
        assertEquals(456.0, kappa.getValue(), 1e-9);
        assertEquals("mg/L", kappa.getUnit());
        assertEquals(12.1, measure("33944-0", Bundles.quantity("12.1", "mg/L")).getValue(), EPS);
        assertEquals(37.7, measure("48378-4", "\"valueQuantity\":{\"value\":37.7}").getValue(), EPS);
    }

    @Test
    void immunofixationGivesResultAndIsotype() {
        PatientRecord r = Bundles.read(Bundles.loincObservation("ife-1", "14895-7",
                "\"valueCodeableConcept\":{\"text\":\"IgG kappa monoclonal protein detected\"}"));
        assertEquals(1, r.measurements().size());
        assertEquals(MeasurementKind.SERUM_IMMUNOFIXATION, r.measurements().get(0).getKind());
        assertEquals("POSITIVE", r.measurements().get(0).getTextValue());
        assertEquals(1, r.isotypes().size());
        assertEquals("IgG", r.isotypes().get(0).getHeavyChain());
        assertEquals("KAPPA", r.isotypes().get(0).getLightChain());
        assertTrue(r.isotypes().get(0).isIgGKappa());
        assertEquals(List.of(new Provenance("Observation/ife-1", EFFECTIVE)), r.isotypes().get(0).getProvenance());
    }

    @Test
    void negativeImmunofixationGivesNoIsotype() {
        PatientRecord r = Bundles.read(Bundles.loincObservation("ife-1", "14895-7",
                "\"valueString\":\"No monoclonal protein detected\""));
        assertEquals("NEGATIVE", r.measurements().get(0).getTextValue());
        assertEquals(List.of(), r.isotypes());
    }

    @Test
    void isotypeByProjectCodeAndLightChainOnly() {
        PatientRecord r = Bundles.read("""
                {"resourceType":"Observation","id":"iso-1","status":"final",
                 "code":{"coding":[{"system":"https://myeloma-cds.org/fhir/CodeSystem/cds","code":"m-protein-isotype"}]},
                 "valueString":"IgA lambda"}""", """
                {"resourceType":"Observation","id":"iso-2","status":"final","code":{"text":"M-protein isotype"},
                 "valueCodeableConcept":{"text":"kappa light chain"}}""");
        assertEquals(2, r.isotypes().size());
        assertEquals("IgA", r.isotypes().get(0).getHeavyChain());
        assertEquals("LAMBDA", r.isotypes().get(0).getLightChain());
        assertNull(r.isotypes().get(1).getHeavyChain());
        assertEquals("KAPPA", r.isotypes().get(1).getLightChain());
        assertEquals("Observation/iso-2", r.isotypes().get(1).getProvenance().get(0).getReference());
    }

    @Test
    void diseaseStatusProgression() {
        PatientRecord r = Bundles.read(Bundles.loincObservation("ds-1", "97509-4", """
                "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"271299001","display":"Patient's condition worsened"}]}"""));
        assertEquals(1, r.diseaseStatuses().size());
        assertEquals(DiseaseTrend.PROGRESSION, r.diseaseStatuses().get(0).getTrend());
        assertTrue(r.diseaseStatuses().get(0).isProgression());
        assertEquals(EFFECTIVE, r.diseaseStatuses().get(0).getDate());
        assertEquals("Observation/ds-1", r.diseaseStatuses().get(0).getProvenance().get(0).getReference());
    }

    @ParameterizedTest
    @CsvSource({"268910001, IMPROVED", "359746009, STABLE", "709137006, UNDETERMINED", "42425007, OTHER",
            // mCODE's maximum value set: remission disorders and qualifiers read as a response
            "550991000124107, IMPROVED", "551001000124108, IMPROVED", "103338009, IMPROVED", "103337004, IMPROVED",
            // distant metastasis present, also in that set, says nothing about the myeloma's course
            "399409002, OTHER"})
    void diseaseStatusOtherAnswers(String snomed, DiseaseTrend trend) {
        PatientRecord r = Bundles.read(Bundles.loincObservation("ds-1", "97509-4",
                "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"" + snomed + "\"}]}"));
        assertEquals(trend, r.diseaseStatuses().get(0).getTrend());
    }

    // W4: an answer no disease-status value set recognises is kept as OTHER, never read as progression, and listed as
    // unrecognised with its text; the rules make what it could change unknown (rules/derive/refractoriness.drl).
    @Test
    void diseaseStatusTextOnlyAbbreviationIsUnreadableAndListed() {
        PatientRecord r = Bundles.read(Bundles.loincObservation("ds-1", "97509-4", """
                "valueCodeableConcept":{"text":"PD"}"""));
        DiseaseStatus d = r.diseaseStatuses().get(0);
        assertEquals(DiseaseTrend.OTHER, d.getTrend());
        assertFalse(d.isProgression());
        assertTrue(d.isUnreadable());
        assertTrue(d.isPossibleProgression());
        assertEquals("PD", d.getRecordedValue());
        assertTrue(d.describeUncertainty().contains("answer 'PD'"), d.describeUncertainty());
        assertEquals(1, r.unrecognised().size());
        UnrecognisedCode u = r.unrecognised().get(0);
        assertEquals("Observation/ds-1", u.reference());
        assertNull(u.code());
        assertEquals("PD", u.display());
    }

    // A written answer that negates the word it names ("No evidence of progression") says the opposite of that word:
    // it is unreadable, never read as a progression (nor as stable: no source maps negations); the near miss keeps
    // reading an affirmative text by its word.
    @ParameterizedTest(name = "text-only ''{0}'' is unreadable")
    @ValueSource(strings = {"No evidence of progression", "not progressing", "progression-free", "without progression"})
    void diseaseStatusTextOnlyNegatedAnswerIsUnreadable(String text) {
        PatientRecord r = Bundles.read(Bundles.loincObservation("ds-1", "97509-4",
                "\"valueCodeableConcept\":{\"text\":\"" + text + "\"}"));
        DiseaseStatus d = r.diseaseStatuses().get(0);
        assertEquals(DiseaseTrend.OTHER, d.getTrend());
        assertFalse(d.isProgression());
        assertTrue(d.isUnreadable());
    }

    // The data gap says why an answer is not read: a negated word is recognised, only its denial is not read, so the
    // text must not say "no value set recognises" it, and it is not listed as an unrecognised code (no code to add).
    @ParameterizedTest(name = "''{0}'' negates ''{1}''")
    @CsvSource({"No evidence of progression, progression", "not progressing, progressing", "Progression-free, Progression",
            "without worsening, worsening", "no evidence of response, response"})
    void diseaseStatusNegatedTextSaysItNegatesItsWord(String text, String word) {
        PatientRecord r = Bundles.read(Bundles.loincObservation("ds-1", "97509-4", "\"valueString\":\"" + text + "\""));
        DiseaseStatus d = r.diseaseStatuses().get(0);
        assertTrue(d.isUnreadable());
        String why = d.describeUncertainty();
        assertTrue(why.contains("answer '" + text + "', whose text negates the disease-status word '" + word + "'"), why);
        assertFalse(why.contains("recognises"), why);
        assertEquals(List.of(), r.unrecognised());
    }

    @Test
    void nearMissDiseaseStatusAbbreviationOnlySaysSoAndIsListed() {
        PatientRecord r = Bundles.read(Bundles.loincObservation("ds-1", "97509-4", "\"valueString\":\"PD\""));
        String why = r.diseaseStatuses().get(0).describeUncertainty();
        assertTrue(why.contains("answer 'PD', whose text names only the IMWG response category 'PD'"), why);
        assertFalse(why.contains("negates"), why);
        assertEquals(1, r.unrecognised().size());
    }

    @Test
    void nearMissDiseaseStatusTextWithNoStatusWordSaysItNamesNone() {
        PatientRecord r = Bundles.read(Bundles.loincObservation("ds-1", "97509-4",
                "\"valueCodeableConcept\":{\"text\":\"see clinic letter\"}"));
        String why = r.diseaseStatuses().get(0).describeUncertainty();
        assertTrue(why.contains("answer 'see clinic letter', whose text names none of the disease-status words"), why);
        assertEquals(1, r.unrecognised().size());
    }

    @Test
    void diseaseStatusUnknownCodeNamesTheCodeAndWhatItsTextSays() {
        PatientRecord r = Bundles.read(Bundles.loincObservation("ds-1", "97509-4", """
                "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"42425007"}],"text":"no evidence of progression"}"""));
        String why = r.diseaseStatuses().get(0).describeUncertainty();
        assertTrue(why.contains("whose code SNOMED CT 42425007 is in no disease-status value set in rules/terminology/"
                + " and whose text negates the disease-status word 'progression'"), why);
        // the code is one a reviewer may add, so it is listed
        assertEquals(1, r.unrecognised().size());
        PatientRecord bare = Bundles.read(Bundles.loincObservation("ds-1", "97509-4", """
                "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"42425007"}]}"""));
        assertTrue(bare.diseaseStatuses().get(0).describeUncertainty().endsWith("in no disease-status value set in rules/terminology/ and which has no text"),
                bare.diseaseStatuses().get(0).describeUncertainty());
    }

    @Test
    void diseaseStatusTextOnlyAffirmativeAnswerIsReadByItsWord() {
        PatientRecord r = Bundles.read(Bundles.loincObservation("ds-1", "97509-4", """
                "valueCodeableConcept":{"text":"Disease progression"}"""));
        assertTrue(r.diseaseStatuses().get(0).isProgression());
        assertFalse(r.diseaseStatuses().get(0).isUnreadable());
    }

    @Test
    void diseaseStatusCodedProgressionWithTheSameTextIsReadAndNotListed() {
        PatientRecord r = Bundles.read(Bundles.loincObservation("ds-1", "97509-4", """
                "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"271299001"}],"text":"PD"}"""));
        assertTrue(r.diseaseStatuses().get(0).isProgression());
        assertFalse(r.diseaseStatuses().get(0).isPossibleProgression());
        assertEquals(List.of(), r.unrecognised());
    }

    // S3: a coded answer whose own text or display reads the other way across the progression divide is conflicting:
    // read as neither (OTHER, a possible progression), both readings named; agreeing or silent texts keep the code.
    @ParameterizedTest(name = "code {0} with text ''{1}'' is conflicting")
    @CsvSource(delimiter = '|', value = {
            "359746009 | PD | progression",
            "359746009 | Progressive disease | progression",
            "268910001 | VGPR, then PD in 2026-09 | progression",
            "709137006 | disease worsening | progression",
            "271299001 | Stable disease (SD) | stable",
            "271299001 | SD | stable",
            "271299001 | VGPR | improved",
            "271299001 | indeterminate | undetermined",
            "359746009 | progression on Pd | progression"})
    void diseaseStatusCodeAndTextDisagreeingIsConflicting(String snomed, String text, String textReading) {
        PatientRecord r = Bundles.read(Bundles.loincObservation("ds-1", "97509-4",
                "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"" + snomed
                        + "\"}],\"text\":\"" + text + "\"}"));
        DiseaseStatus d = r.diseaseStatuses().get(0);
        assertTrue(d.isConflicting());
        assertTrue(d.isUnreadable());
        assertTrue(d.isPossibleProgression());
        assertFalse(d.isProgression());
        assertTrue(d.describeUncertainty().contains("coded SNOMED CT " + snomed), d.describeUncertainty());
        assertTrue(d.describeUncertainty().contains("'" + text + "' reads as " + textReading), d.describeUncertainty());
        assertEquals(List.of(), r.unrecognised(), "its code is recognised");
    }

    @ParameterizedTest(name = "code {0} with text ''{1}'' agrees: {2}")
    @CsvSource(delimiter = '|', value = {
            "359746009 | stable disease | STABLE",
            "359746009 | SD, no progression | STABLE",
            "359746009 | No evidence of progression | STABLE",
            "359746009 | progression-free | STABLE",
            "268910001 | VGPR | IMPROVED",
            "268910001 | partial response (PR) | IMPROVED",
            "271299001 | PD | PROGRESSION",
            "271299001 | progressive disease, not responding | PROGRESSION",
            "359746009 | Isa-Pd cycle 4 | STABLE"})
    void diseaseStatusAgreeingOrSilentTextKeepsTheCode(String snomed, String text, DiseaseTrend trend) {
        PatientRecord r = Bundles.read(Bundles.loincObservation("ds-1", "97509-4",
                "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"" + snomed
                        + "\"}],\"text\":\"" + text + "\"}"));
        assertFalse(r.diseaseStatuses().get(0).isConflicting(), text);
        assertEquals(trend, r.diseaseStatuses().get(0).getTrend());
    }

    @Test
    void diseaseStatusDisplayThatContradictsItsCodeIsConflicting() {
        PatientRecord r = Bundles.read(Bundles.loincObservation("ds-1", "97509-4", """
                "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"359746009","display":"Progressive disease"}]}"""));
        assertTrue(r.diseaseStatuses().get(0).isConflicting());
        assertTrue(r.diseaseStatuses().get(0).getConflict().contains("display 'Progressive disease' reads as progression"));
        PatientRecord standard = Bundles.read(Bundles.loincObservation("ds-1", "97509-4", """
                "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"359746009","display":"Patient's condition stable (finding)"}]}"""));
        assertEquals(DiseaseTrend.STABLE, standard.diseaseStatuses().get(0).getTrend());
    }

    @Test
    void diseaseStatusUnknownCodeIsListedWithItsCode() {
        PatientRecord r = Bundles.read(Bundles.loincObservation("ds-1", "97509-4", """
                "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"399409002","display":"Distant metastasis present"}]}"""));
        assertTrue(r.diseaseStatuses().get(0).isUnreadable());
        assertEquals(1, r.unrecognised().size());
        assertEquals("399409002", r.unrecognised().get(0).code());
    }

    @Test
    void diseaseStatusValueStringAbbreviationIsUnreadableButWrittenProgressionIsRead() {
        PatientRecord pd = Bundles.read(Bundles.loincObservation("ds-1", "97509-4", "\"valueString\":\"PD\""));
        assertTrue(pd.diseaseStatuses().get(0).isUnreadable());
        assertEquals(1, pd.unrecognised().size());
        PatientRecord written = Bundles.read(Bundles.loincObservation("ds-1", "97509-4", "\"valueString\":\"progressive disease\""));
        assertTrue(written.diseaseStatuses().get(0).isProgression());
        assertEquals(List.of(), written.unrecognised());
    }

    @ParameterizedTest
    @CsvSource({"preliminary, true", "registered, true", "final, false", "amended, false", "corrected, false", "unknown, false"})
    void diseaseStatusPreliminaryIsPossibleNotProgression(String status, boolean preliminary) {
        PatientRecord r = Bundles.read(Bundles.loincObservation("ds-1", "97509-4", """
                "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"271299001"}]}""")
                .replace("\"status\":\"final\"", "\"status\":\"" + status + "\""));
        DiseaseStatus d = r.diseaseStatuses().get(0);
        assertEquals(preliminary, d.isPreliminary());
        assertEquals(!preliminary, d.isProgression());
        assertEquals(preliminary, d.isPossibleProgression());
        assertEquals(List.of(), r.unrecognised());
    }

    @ParameterizedTest
    @CsvSource({"entered-in-error", "cancelled"})
    void diseaseStatusEnteredInErrorOrCancelledIsIgnored(String status) {
        PatientRecord r = Bundles.read(Bundles.loincObservation("ds-1", "97509-4", """
                "valueCodeableConcept":{"text":"PD"}""").replace("\"status\":\"final\"", "\"status\":\"" + status + "\""));
        assertEquals(List.of(), r.diseaseStatuses());
        assertEquals(List.of(), r.unrecognised());
    }

    @Test
    void transplantEligibilityAssertion() {
        PatientRecord r = Bundles.read("""
                {"resourceType":"Observation","id":"te-1","status":"final",
                 "code":{"coding":[{"system":"https://myeloma-cds.org/fhir/CodeSystem/cds","code":"transplant-eligibility"}]},
                 "subject":{"reference":"Patient/p1"},"effectiveDateTime":"2026-09-30","valueBoolean":false}""");
        assertEquals(1, r.transplantAssertions().size());
        assertEquals(false, r.transplantAssertions().get(0).isEligible());
        assertEquals(LocalDate.of(2026, 9, 30), r.transplantAssertions().get(0).getDate());
        assertEquals("Observation/te-1", r.transplantAssertions().get(0).getProvenance().get(0).getReference());
    }

    @Test
    void observationWithoutValueGivesNoMeasurementAndNoProblem() {
        PatientRecord r = Bundles.read(Bundles.loincObservation("obs-1", "98979-8",
                "\"dataAbsentReason\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/data-absent-reason\",\"code\":\"not-performed\"}]}"),
                Bundles.loincObservation("obs-2", "29463-7", ""));
        assertEquals(List.of(), r.measurements());
        assertEquals(List.of(), r.unreadable());
    }

    @Test
    void valueThatIsNotANumberIsUnreadable() {
        UnreadableInput p = problem("98979-8", "\"valueString\":\"see report\"");
        assertEquals("Observation.valueString", p.getField());
        assertTrue(p.getMessage().contains("not a number"), p.getMessage());
    }

    @Test
    void nonNumericJsonInAQuantityIsAnEntryLevelParseProblem() {
        PatientRecord r = Bundles.read(Bundles.loincObservation("obs-1", "98979-8", "\"valueQuantity\":{\"value\":\"abc\"}"),
                Bundles.loincObservation("obs-2", "29463-7", Bundles.quantity("70", "kg")));
        assertEquals(1, r.measurements().size());
        assertEquals(MeasurementKind.BODY_WEIGHT, r.measurements().get(0).getKind());
        assertEquals(1, r.unreadable().size());
        UnreadableInput p = r.unreadable().get(0);
        assertEquals(1, p.getEntryIndex());
        assertEquals("Observation/obs-1", p.getReference());
        assertTrue(p.getField() != null && p.getField().startsWith("Observation."), String.valueOf(p.getField()));
    }

    @Test
    void enteredInErrorAndCancelledAreIgnored() {
        String eie = Bundles.loincObservation("obs-1", "98979-8", Bundles.quantity("38", "mL/min/{1.73_m2}"))
                .replace("\"status\":\"final\"", "\"status\":\"entered-in-error\"");
        String cancelled = Bundles.loincObservation("obs-2", "98979-8", Bundles.quantity("38", "mL/min/{1.73_m2}"))
                .replace("\"status\":\"final\"", "\"status\":\"cancelled\"");
        assertEquals(List.of(), Bundles.read(eie, cancelled).measurements());
    }

    @Test
    void effectiveFallsBackToPeriodStartThenIssued() {
        Measurement m = only(Bundles.read("""
                {"resourceType":"Observation","id":"o","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},
                 "effectivePeriod":{"start":"2026-01-05","end":"2026-01-06"},"valueQuantity":{"value":70,"unit":"kg"}}"""));
        assertEquals(LocalDate.of(2026, 1, 5), m.getEffective());
        Measurement issued = only(Bundles.read("""
                {"resourceType":"Observation","id":"o","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},
                 "issued":"2026-02-03T10:00:00Z","valueQuantity":{"value":70,"unit":"kg"}}"""));
        assertEquals(LocalDate.of(2026, 2, 3), issued.getEffective());
    }

    @Test
    void unrecognisedObservationsAreCountedNotParsed() {
        PatientRecord r = Bundles.read(Bundles.loincObservation("hr", "8867-4", Bundles.quantity("72", "/min")),
                Bundles.loincObservation("bp", "85354-9", ""));
        assertEquals(List.of(), r.measurements());
        assertEquals(2, r.skippedResources().get("Observation (unrecognised code)"));
    }

    @Test
    void observationOfAnotherPatientIsSkippedAndCounted() {
        String other = Bundles.loincObservation("obs-x", "98979-8", Bundles.quantity("20", "mL/min/{1.73_m2}"))
                .replace("Patient/p1", "Patient/someone-else");
        String mine = Bundles.loincObservation("obs-1", "98979-8", Bundles.quantity("55", "mL/min/{1.73_m2}"))
                .replace("Patient/p1", "urn:uuid:p1");
        PatientRecord r = Bundles.read(other, mine);
        assertEquals(1, r.measurements().size());
        assertEquals(55.0, r.measurements().get(0).getValue(), EPS);
        assertEquals(1, r.skippedResources().get("Observation (subject is another patient)"));
    }

    @ParameterizedTest(name = "pregnancy status {0} {1}|{2} → {3}")
    @CsvSource({
            "82810-3, http://snomed.info/sct, 77386006, PREGNANT",
            "82810-3, http://loinc.org, LA15173-0, PREGNANT",
            "11449-6, http://snomed.info/sct, 77386006, PREGNANT",
            // Not pregnant, unknown and possible pregnancy keep their words: no rule reads them as "cannot be pregnant".
            "82810-3, http://snomed.info/sct, 60001007, NOT PREGNANT",
            "82810-3, http://loinc.org, LA4489-6, UNKNOWN"})
    void pregnancyStatus(String loinc, String system, String code, String expected) {
        String display = expected.equals("PREGNANT") ? "Pregnant" : expected.equals("UNKNOWN") ? "Unknown" : "Not pregnant";
        Measurement m = measure(loinc, "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"" + system + "\",\"code\":\""
                + code + "\",\"display\":\"" + display + "\"}]}");
        assertEquals(MeasurementKind.PREGNANCY_STATUS, m.getKind());
        assertEquals(expected, m.getTextValue());
        assertNull(m.getValue());
    }

    @Test
    void pregnancyStatusWithoutAReadableValueIsRefusedWithItsLocation() {
        UnreadableInput u = problem("82810-3", "\"valueQuantity\":{\"value\":1}");
        assertEquals("Observation.value[x]", u.getField());
    }
}
