package org.myelomacds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myelomacds.facts.Allergen;
import org.myelomacds.facts.AllergyRecord;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.facts.ProcedureKind;
import org.myelomacds.facts.ProcedureRecord;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.Sex;

class ProcedureAllergyPatientTest {

    @ParameterizedTest(name = "{0}|{1} → {2}")
    @CsvSource({"http://snomed.info/sct, 709115004, AUTOLOGOUS_STEM_CELL_TRANSPLANT",
            "http://snomed.info/sct, 58776007, AUTOLOGOUS_STEM_CELL_TRANSPLANT",
            "http://snomed.info/sct, 174241000112100, ALLOGENEIC_STEM_CELL_TRANSPLANT",
            "http://snomed.info/sct, 234336002, STEM_CELL_TRANSPLANT",
            "http://www.cms.gov/Medicare/Coding/ICD10, 30243Y0, AUTOLOGOUS_STEM_CELL_TRANSPLANT",
            // FINDINGS P5: the nonautologous (1) and allogeneic (2-4) qualifiers of the same transfusion codes
            "http://www.cms.gov/Medicare/Coding/ICD10, 30243Y1, ALLOGENEIC_STEM_CELL_TRANSPLANT",
            "http://hl7.org/fhir/sid/icd-10-pcs, 30233Y3, ALLOGENEIC_STEM_CELL_TRANSPLANT",
            "http://www.cms.gov/Medicare/Coding/ICD10, 30233Y0, AUTOLOGOUS_STEM_CELL_TRANSPLANT",
            // QA sweep-b R8: CPT HPC transplantation, 38240 allogeneic (per donor), 38241 autologous
            "http://www.ama-assn.org/go/cpt, 38240, ALLOGENEIC_STEM_CELL_TRANSPLANT",
            "http://www.ama-assn.org/go/cpt, 38241, AUTOLOGOUS_STEM_CELL_TRANSPLANT",
            "http://snomed.info/sct, 265764009, DIALYSIS", "http://snomed.info/sct, 302497006, DIALYSIS",
            "http://www.ama-assn.org/go/cpt, 90935, DIALYSIS", "http://www.ama-assn.org/go/cpt, 90947, DIALYSIS",
            "http://www.cms.gov/Medicare/Coding/ICD10, 5A1D70Z, DIALYSIS", "http://hl7.org/fhir/sid/icd-10-pcs, 5a1d90z, DIALYSIS",
            "http://snomed.info/sct, 116143008, STERILISING_SURGERY", "http://snomed.info/sct, 236886002, STERILISING_SURGERY",
            "http://www.ama-assn.org/go/cpt, 58571, STERILISING_SURGERY"})
    void procedureCodes(String system, String code, ProcedureKind kind) {
        PatientRecord r = Bundles.read("{\"resourceType\":\"Procedure\",\"id\":\"pr1\",\"status\":\"completed\","
                + "\"code\":{\"coding\":[{\"system\":\"" + system + "\",\"code\":\"" + code + "\"}]},"
                + "\"subject\":{\"reference\":\"Patient/p1\"},\"performedDateTime\":\"2024-05-20\"}");
        assertEquals(1, r.procedures().size());
        ProcedureRecord p = r.procedures().get(0);
        assertEquals(kind, p.getKind());
        assertEquals(LocalDate.of(2024, 5, 20), p.getDate());
        assertFalse(p.isPlanned());
        assertEquals(List.of(new Provenance("Procedure/pr1", LocalDate.of(2024, 5, 20))), p.getProvenance());
    }

    /** Near miss of CPT 38240/38241: the stem-cell harvest (38206) and the HPC boost (38243) are no transplant. */
    @Test
    void cptHarvestAndBoostAreNoTransplant() {
        for (String code : new String[]{"38206", "38243"}) {
            PatientRecord r = Bundles.read("{\"resourceType\":\"Procedure\",\"id\":\"pr1\",\"status\":\"completed\","
                    + "\"code\":{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"" + code + "\"}]},"
                    + "\"subject\":{\"reference\":\"Patient/p1\"},\"performedDateTime\":\"2024-05-20\"}");
            assertEquals(List.of(), r.procedures(), code);
        }
    }

    @Test
    void hysterectomyIsNoTransplantAndTubalLigationOrWordsAreNotRead() {
        PatientRecord r = Bundles.read("""
                {"resourceType":"Procedure","id":"hyst","status":"completed","performedDateTime":"2015-03-02",
                 "code":{"coding":[{"system":"http://snomed.info/sct","code":"116143008"}]}}""", """
                {"resourceType":"Procedure","id":"tl","status":"completed","performedDateTime":"2010-05-01",
                 "code":{"coding":[{"system":"http://snomed.info/sct","code":"287664005"}]}}""", """
                {"resourceType":"Procedure","id":"words","status":"completed","code":{"text":"Total hysterectomy"}}""");
        assertEquals(1, r.procedures().size());
        ProcedureRecord p = r.procedures().get(0);
        assertEquals(ProcedureKind.STERILISING_SURGERY, p.getKind());
        assertFalse(p.isStemCellTransplant());
        assertNull(p.getKind().transplantKind());
        assertTrue(ProcedureKind.STEM_CELL_TRANSPLANT.isStemCellTransplant());
        assertFalse(ProcedureKind.DIALYSIS.isStemCellTransplant());
    }

    @Test
    void plannedTransplantByTextWithPlan() {
        PatientRecord r = Bundles.read("""
                {"resourceType":"Procedure","id":"asct","status":"preparation","code":{"text":"Autologous stem cell transplant"},
                 "basedOn":[{"reference":"CarePlan/vrd-asct"}],"performedPeriod":{"start":"2026-12-01"}}""", """
                {"resourceType":"Procedure","id":"hd","status":"in-progress","code":{"text":"Haemodialysis"}}""", """
                {"resourceType":"Procedure","id":"nd","status":"not-done","code":{"text":"Autologous stem cell transplant"}}""", """
                {"resourceType":"Procedure","id":"other","status":"completed","code":{"text":"Bone marrow biopsy"}}""");
        assertEquals(2, r.procedures().size());
        ProcedureRecord asct = r.procedures().get(0);
        assertEquals(ProcedureKind.AUTOLOGOUS_STEM_CELL_TRANSPLANT, asct.getKind());
        assertTrue(asct.isPlanned());
        assertEquals("CarePlan/vrd-asct", asct.getGroupRef());
        assertEquals(LocalDate.of(2026, 12, 1), asct.getDate());
        assertEquals(ProcedureKind.DIALYSIS, r.procedures().get(1).getKind());
        assertFalse(r.procedures().get(1).isPlanned());
        assertNull(r.procedures().get(1).getDate());
    }

    @Test
    void allergyToDaratumumabByRxNorm() {
        PatientRecord r = Bundles.read("""
                {"resourceType":"AllergyIntolerance","id":"al1","patient":{"reference":"Patient/p1"},"criticality":"high",
                 "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"active"}]},
                 "code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"1721947","display":"daratumumab"}]},
                 "recordedDate":"2025-02-02"}""");
        assertEquals(1, r.allergies().size());
        AllergyRecord a = r.allergies().get(0);
        assertEquals(Allergen.DARATUMUMAB, a.getSubstance());
        assertEquals("high", a.getCriticality());
        assertTrue(a.isActive());
        assertEquals(List.of(new Provenance("AllergyIntolerance/al1", LocalDate.of(2025, 2, 2))), a.getProvenance());
    }

    @Test
    void allergyByTextIncludingTheExcipientAndInactiveOnes() {
        PatientRecord r = Bundles.read("""
                {"resourceType":"AllergyIntolerance","id":"al1","code":{"text":"Isatuximab infusion reaction"},
                 "clinicalStatus":{"coding":[{"code":"resolved"}]}}""", """
                {"resourceType":"AllergyIntolerance","id":"al2","code":{"text":"Darzalex Faspro (daratumumab and hyaluronidase)"}}""", """
                {"resourceType":"AllergyIntolerance","id":"al3","code":{"text":"Penicillin"}}""", """
                {"resourceType":"AllergyIntolerance","id":"al4","code":{"text":"isatuximab"},
                 "verificationStatus":{"coding":[{"code":"refuted"}]}}""");
        assertEquals(3, r.allergies().size());
        AllergyRecord isa = r.allergies().get(0);
        assertEquals(Allergen.ISATUXIMAB, isa.getSubstance());
        assertFalse(isa.isActive());
        assertNull(isa.getCriticality());
        Set<Allergen> faspro = r.allergies().stream().skip(1).map(AllergyRecord::getSubstance).collect(Collectors.toSet());
        assertEquals(Set.of(Allergen.DARATUMUMAB, Allergen.HYALURONIDASE), faspro);
    }

    @Test
    void drugIntoleranceFromAllergyIntolerance() {
        PatientRecord r = Bundles.read("""
                {"resourceType":"AllergyIntolerance","id":"al1","patient":{"reference":"Patient/p1"},"type":"intolerance",
                 "clinicalStatus":{"coding":[{"code":"active"}]},
                 "code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"1302966"}]},
                 "recordedDate":"2025-04-25",
                 "reaction":[{"manifestation":[{"coding":[{"system":"http://snomed.info/sct","code":"84114007","display":"Heart failure"}]}],
                              "description":"Grade 3 heart failure after cycle 3"}]}""", """
                {"resourceType":"AllergyIntolerance","id":"al2","patient":{"reference":"Patient/p1"},"type":"intolerance",
                 "code":{"coding":[{"system":"http://snomed.info/sct","code":"0","display":"Bortezomib (substance)"}]},
                 "onsetDateTime":"2023-06","reaction":[{"manifestation":[{"text":"Painful neuropathy"}]}]}""", """
                {"resourceType":"AllergyIntolerance","id":"al3","patient":{"reference":"Patient/p1"},"type":"intolerance",
                 "verificationStatus":{"coding":[{"code":"entered-in-error"}]},"code":{"text":"lenalidomide"}}""", """
                {"resourceType":"AllergyIntolerance","id":"al4","patient":{"reference":"Patient/p1"},"type":"intolerance",
                 "clinicalStatus":{"coding":[{"code":"resolved"}]},"code":{"text":"pomalidomide"}}""", """
                {"resourceType":"AllergyIntolerance","id":"al5","patient":{"reference":"Patient/p1"},"type":"allergy",
                 "code":{"text":"daratumumab"}}""", """
                {"resourceType":"AllergyIntolerance","id":"al6","patient":{"reference":"Patient/p1"},"type":"allergy",
                 "code":{"text":"Lenalidomide"},"reaction":[{"manifestation":[{"text":"Urticarial rash"}]}]}""");
        assertEquals(List.of("CARFILZOMIB", "BORTEZOMIB", "LENALIDOMIDE"),
                r.intolerances().stream().map(i -> i.getDrug().name()).toList());
        assertEquals("Heart failure; Grade 3 heart failure after cycle 3", r.intolerances().get(0).getReason());
        assertEquals(LocalDate.of(2025, 4, 25), r.intolerances().get(0).getDate());
        assertEquals("AllergyIntolerance/al1", r.intolerances().get(0).getSource());
        assertEquals(LocalDate.of(2023, 6, 1), r.intolerances().get(1).getDate());
        assertEquals("allergy: Urticarial rash", r.intolerances().get(2).getReason());
        // the daratumumab allergy is a hypersensitivity, not a drug intolerance
        assertEquals(List.of(Allergen.DARATUMUMAB), r.allergies().stream().map(AllergyRecord::getSubstance).toList());
    }

    @Test
    void allergyOfAnotherPatientIsSkipped() {
        PatientRecord r = Bundles.read("""
                {"resourceType":"AllergyIntolerance","id":"al1","patient":{"reference":"Patient/p2"},"code":{"text":"isatuximab"}}""");
        assertEquals(List.of(), r.allergies());
        assertEquals(1, r.skippedResources().get("AllergyIntolerance (subject is another patient)"));
    }

    @Test
    void patientDemographicsAndAgeAtAsOf() throws Exception {
        PatientRecord r = Bundles.read();
        assertEquals("p1", r.patient().getId());
        assertEquals(Sex.FEMALE, r.patient().getSex());
        assertEquals(LocalDate.of(1950, 10, 16), r.patient().getBirthDate());
        assertEquals(75, r.patient().getAge()); // 76th birthday is the day after asOf 2026-10-15
        assertEquals(List.of(new Provenance("Patient/p1", null)), r.patient().getProvenance());
        PatientRecord onBirthday = Bundles.READER.read(Bundles.bundle(), LocalDate.of(2026, 10, 16), Bundles.TERMS);
        assertEquals(76, onBirthday.patient().getAge());
    }

    @Test
    void patientWithoutBirthDateOrIdUsesFullUrl() throws Exception {
        String json = "{\"resourceType\":\"Bundle\",\"entry\":[{\"fullUrl\":\"urn:uuid:abc\",\"resource\":"
                + "{\"resourceType\":\"Patient\",\"gender\":\"male\"}}]}";
        PatientRecord r = Bundles.READER.read(json.getBytes(StandardCharsets.UTF_8), Bundles.AS_OF, Bundles.TERMS);
        assertNull(r.patient().getAge());
        assertFalse(r.patient().isAgeKnown());
        assertEquals(Sex.MALE, r.patient().getSex());
        assertEquals("urn:uuid:abc", r.patient().getId());
    }

    @Test
    void skippedTypesAreCountedAndNarrativeDoesNotMatter() throws Exception {
        String json = "{\"resourceType\":\"Bundle\",\"entry\":["
                + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\",\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">not <b>valid</div>\"}}},"
                + "{\"resource\":{\"resourceType\":\"Encounter\",\"id\":\"e1\",\"status\":\"finished\"}},"
                + "{\"resource\":{\"resourceType\":\"Encounter\",\"id\":\"e2\",\"status\":\"finished\"}},"
                + "{\"resource\":{\"resourceType\":\"Claim\",\"id\":\"c1\"}},"
                + "{\"request\":{\"method\":\"DELETE\",\"url\":\"Observation/x\"}}]}";
        PatientRecord r = Bundles.READER.read(json.getBytes(StandardCharsets.UTF_8), Bundles.AS_OF, Bundles.TERMS);
        assertEquals(2, r.skippedResources().get("Encounter"));
        assertEquals(1, r.skippedResources().get("Claim"));
        assertEquals(1, r.skippedResources().get("(entry without resource)"));
        assertTrue(r.isComplete());
    }

    @Test
    void readerIsSafeToShareAcrossThreads() throws Exception {
        byte[] json = Bundles.bundle(Bundles.loincObservation("e", "98979-8", Bundles.quantity("38", "mL/min/{1.73_m2}")));
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger ok = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int i = 0; i < 20; i++) {
                        if (Bundles.READER.read(json, Bundles.AS_OF, Bundles.TERMS).measurements().get(0).getValue() == 38.0) ok.incrementAndGet();
                    }
                } catch (InvalidBundleException e) {
                    throw new AssertionError(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) thread.join();
        assertEquals(160, ok.get());
    }

    @ParameterizedTest(name = "{0}|{1} is not dialysis")
    @CsvSource({"http://www.ama-assn.org/go/cpt, 90940", "http://www.cms.gov/Medicare/Coding/ICD10, 5A1C00Z"})
    void nearMissesOfTheDialysisCodesAreNotRead(String system, String code) {
        PatientRecord r = Bundles.read("{\"resourceType\":\"Procedure\",\"id\":\"pr1\",\"status\":\"completed\","
                + "\"code\":{\"coding\":[{\"system\":\"" + system + "\",\"code\":\"" + code + "\"}]},"
                + "\"subject\":{\"reference\":\"Patient/p1\"},\"performedDateTime\":\"2024-05-20\"}");
        assertEquals(0, r.procedures().size());
    }

    // ---- why a transplant was done; chemotherapy recorded as a procedure ----------------------------------------------

    // FINDINGS A6: a kind-less code (SNOMED 234336002) beside words that state the kind: the words decide, and say so.
    @Test
    void aKindLessTransplantCodeTakesTheKindItsTextStates() {
        PatientRecord r = Bundles.read("""
                {"resourceType":"Procedure","id":"allo","status":"completed","code":{"coding":[{"system":"http://snomed.info/sct",
                 "code":"234336002","display":"Hemopoietic stem cell transplant (procedure)"}],
                 "text":"Allogeneic PBSCT, matched unrelated donor, RIC"},"performedDateTime":"2023-11-08"}""", """
                {"resourceType":"Procedure","id":"plain","status":"completed","code":{"coding":[{"system":"http://snomed.info/sct",
                 "code":"234336002","display":"Hemopoietic stem cell transplant (procedure)"}],"text":"Stem cell transplant"},
                 "performedDateTime":"2021-03-10"}""");
        ProcedureRecord allo = r.procedures().stream().filter(p -> p.getDate().toString().equals("2023-11-08")).findFirst().orElseThrow();
        assertEquals(ProcedureKind.ALLOGENEIC_STEM_CELL_TRANSPLANT, allo.getKind());
        assertTrue(allo.getKindBasis().contains("kind from the text 'Allogeneic PBSCT"), allo.getKindBasis());
        // near miss: no kind in code or text stays "kind not recorded", with no basis claimed
        ProcedureRecord plain = r.procedures().stream().filter(p -> p.getDate().toString().equals("2021-03-10")).findFirst().orElseThrow();
        assertEquals(ProcedureKind.STEM_CELL_TRANSPLANT, plain.getKind());
        assertEquals(null, plain.getKindBasis());
    }

    // Sweep s11 N1: transplant abbreviations in the words of a procedure whose code the terminology does not know.
    @Test
    void transplantAbbreviationsInTextAreReadAsTransplants() {
        PatientRecord r = Bundles.read("""
                {"resourceType":"Procedure","id":"bmt","status":"completed","code":{"coding":[{"system":"urn:oid:1.2.3.4.5",
                 "code":"TX-1","display":"BMT"}],"text":"BMT"},"performedDateTime":"2021-03-10"}""", """
                {"resourceType":"Procedure","id":"auto","status":"completed","code":{"text":"auto-SCT day 0"},
                 "performedDateTime":"2022-03-10"}""", """
                {"resourceType":"Procedure","id":"hpc","status":"completed","code":{"text":"Allo HPC transplantation, MUD"},
                 "performedDateTime":"2023-03-10"}""", """
                {"resourceType":"Procedure","id":"harvest","status":"completed","code":{"coding":[{"system":"http://www.ama-assn.org/go/cpt",
                 "code":"38206","display":"Blood-derived hematopoietic progenitor cell harvesting for transplantation, per collection; autologous"}]},
                 "performedDateTime":"2020-12-10"}""", """
                {"resourceType":"Procedure","id":"hct","status":"completed","code":{"text":"HCT"},"performedDateTime":"2020-11-10"}""");
        java.util.Map<String, ProcedureKind> byDay = new java.util.TreeMap<>();
        for (ProcedureRecord p : r.procedures()) byDay.put(p.getDate().toString(), p.getKind());
        assertEquals(ProcedureKind.STEM_CELL_TRANSPLANT, byDay.get("2021-03-10"));
        assertEquals(ProcedureKind.AUTOLOGOUS_STEM_CELL_TRANSPLANT, byDay.get("2022-03-10"));
        assertEquals(ProcedureKind.ALLOGENEIC_STEM_CELL_TRANSPLANT, byDay.get("2023-03-10"));
        // near misses: a harvest "for transplantation" is no transplant; "HCT" alone (also haematocrit) only a possible
        // one, named in a gap with its line count a range (CDS-POLICY-RECORDS-TRANSPLANT-WORDS), never a placed transplant
        assertEquals(null, byDay.get("2020-12-10"), byDay.toString());
        ProcedureRecord hct = r.procedures().stream().filter(p -> p.getDate().toString().equals("2020-11-10")).findFirst().orElseThrow();
        assertTrue(hct.isPossibleTransplant(), hct.toString());
        assertTrue(r.procedures().stream().filter(p -> !p.getDate().toString().equals("2020-11-10"))
                .noneMatch(ProcedureRecord::isPossibleTransplant));
    }

    @Test
    void aTransplantCarriesTheReasonsItStates() {
        PatientRecord r = Bundles.read("""
                {"resourceType":"Condition","id":"aml","code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"C92.00"}],
                 "text":"Acute myeloid leukaemia"},"subject":{"reference":"Patient/p1"},"onsetDateTime":"2012-05-02"}""", """
                {"resourceType":"Procedure","id":"allo","status":"completed","code":{"text":"Allogeneic stem cell transplant"},
                 "reasonReference":[{"reference":"Condition/aml"}],"performedDateTime":"2012-09-10"}""", """
                {"resourceType":"Procedure","id":"asct","status":"completed","code":{"text":"Autologous stem cell transplant"},
                 "reasonCode":[{"coding":[{"system":"http://snomed.info/sct","code":"698303004",
                   "display":"Awaiting transplantation of bone marrow (situation)"}]}],"performedDateTime":"2024-05-20"}""");
        ProcedureRecord allo = r.procedures().stream().filter(p -> p.getKind() == ProcedureKind.ALLOGENEIC_STEM_CELL_TRANSPLANT)
                .findFirst().orElseThrow();
        assertEquals(1, allo.getReasons().size());
        assertEquals("Condition/aml", allo.getReasons().get(0).reference());
        assertTrue(allo.getReasons().get(0).isOtherCondition());
        // near miss: a reason that names a step of care, not a disease, states no purpose
        ProcedureRecord asct = r.procedures().stream().filter(p -> p.getKind() == ProcedureKind.AUTOLOGOUS_STEM_CELL_TRANSPLANT)
                .findFirst().orElseThrow();
        assertTrue(asct.getReasons().isEmpty());
    }

    @Test
    void aChemotherapyProcedureWithoutADrugIsTherapyOfUnknownContent() {
        PatientRecord r = Bundles.read("""
                {"resourceType":"Procedure","id":"chemo","status":"completed","code":{"coding":[{"system":"http://snomed.info/sct",
                 "code":"394894008","display":"Pre-operative chemotherapy (procedure)"}]},"performedDateTime":"2024-05-10"}""", """
                {"resourceType":"Procedure","id":"cpt","status":"completed","code":{"coding":[{"system":"http://www.ama-assn.org/go/cpt",
                 "code":"96413"}]},"usedCode":[{"text":"carfilzomib"}],
                 "performedPeriod":{"start":"2024-06-01","end":"2024-06-02"}}""", """
                {"resourceType":"Procedure","id":"plan","status":"preparation","code":{"coding":[{"system":"http://snomed.info/sct",
                 "code":"367336001"}]},"performedDateTime":"2024-07-01"}""", """
                {"resourceType":"Procedure","id":"edu","status":"completed","code":{"coding":[{"system":"http://snomed.info/sct",
                 "code":"1234567","display":"Chemotherapy education"}],"text":"Chemotherapy education"},"performedDateTime":"2024-05-01"}""");
        assertEquals(3, r.medications().size());
        var chemo = r.medications().get(0);
        assertEquals(org.myelomacds.facts.DrugClass.OTHER, chemo.getDrugClass());
        assertEquals(org.myelomacds.facts.MedicationSource.PROCEDURE, chemo.getSource());
        assertEquals(LocalDate.of(2024, 5, 10), chemo.getStart());
        assertEquals(LocalDate.of(2024, 5, 10), chemo.getEnd());
        assertEquals("Procedure/chemo", chemo.sourceReference());
        var carfilzomib = r.medications().get(1);
        assertEquals("CARFILZOMIB", carfilzomib.getDrug().name());
        assertEquals(LocalDate.of(2024, 6, 2), carfilzomib.getEnd());
        assertTrue(r.medications().get(2).isPlanned());
        // near miss: words alone ("Chemotherapy education") are not chemotherapy given
        assertTrue(r.procedures().isEmpty());
    }

    @Test
    void aChemotherapyProcedureCodedByTextAloneIsReadLikeACodedOne() {
        PatientRecord r = Bundles.read("""
                {"resourceType":"Procedure","id":"chemo-text","status":"completed","code":{"text":"Chemotherapy"},
                 "performedDateTime":"2024-05-10"}""", """
                {"resourceType":"Procedure","id":"chemo-cycle","status":"completed","code":{"text":"chemo cycle 3"},
                 "usedCode":[{"text":"bortezomib"}],"performedDateTime":"2024-06-01"}""", """
                {"resourceType":"Procedure","id":"port","status":"completed","code":{"text":"Chemotherapy port placement"},
                 "performedDateTime":"2024-04-20"}""", """
                {"resourceType":"Procedure","id":"tace","status":"completed","code":{"text":"Chemoembolization of liver"},
                 "performedDateTime":"2024-04-21"}""", """
                {"resourceType":"Procedure","id":"coded-other","status":"completed","code":{"coding":[{"system":"http://snomed.info/sct",
                 "code":"1234567","display":"Chemotherapy"}],"text":"Chemotherapy"},"performedDateTime":"2024-04-22"}""");
        assertEquals(List.of("Procedure/chemo-text", "Procedure/chemo-cycle"),
                r.medications().stream().map(m -> m.sourceReference()).toList());
        var chemo = r.medications().get(0);
        assertEquals(org.myelomacds.facts.DrugClass.OTHER, chemo.getDrugClass());
        assertEquals(org.myelomacds.facts.MedicationSource.PROCEDURE, chemo.getSource());
        assertEquals(LocalDate.of(2024, 5, 10), chemo.getStart());
        assertEquals("BORTEZOMIB", r.medications().get(1).getDrug().name());
        // near misses: a port placement, a chemoembolisation and a coded procedure the terminology does not list are
        // not chemotherapy given, whatever their words
        assertTrue(r.procedures().isEmpty());
    }
}
