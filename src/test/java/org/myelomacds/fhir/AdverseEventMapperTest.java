package org.myelomacds.fhir;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.DrugIntolerance;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.facts.UnrecognisedCode;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An actual adverse event whose suspect is a catalogue drug is a drug intolerance; a potential one is not. */
class AdverseEventMapperTest {

    private static final String ADMINISTRATION = """
            {"resourceType":"MedicationAdministration","id":"ma1","status":"completed","subject":{"reference":"Patient/p1"},
             "medicationCodeableConcept":{"text":"carfilzomib"},"effectiveDateTime":"2025-04-01"}""";

    @Test
    void anActualEventNamingAnAdministeredDrugIsAnIntoleranceQuotingTheEvent() {
        PatientRecord r = Bundles.read(ADMINISTRATION, """
                {"resourceType":"AdverseEvent","id":"ae1","actuality":"actual","subject":{"reference":"Patient/p1"},
                 "event":{"text":"Heart failure"},"seriousness":{"coding":[{"display":"Serious"}]},"date":"2025-04-20",
                 "suspectEntity":[{"instance":{"reference":"MedicationAdministration/ma1"}}]}""");
        assertEquals(1, r.intolerances().size());
        DrugIntolerance i = r.intolerances().get(0);
        assertEquals("CARFILZOMIB", i.getDrug().name());
        assertEquals(DrugIntolerance.Kind.ADVERSE_EVENT, i.getKind());
        assertEquals("Heart failure; Serious", i.getReason());
        assertEquals(LocalDate.of(2025, 4, 20), i.getDate());
        assertEquals("AdverseEvent/ae1", i.getSource());
    }

    @Test
    void aSuspectMedicationOrDisplayIsReadAndAnUnknownSubstanceIsNot() {
        PatientRecord r = Bundles.read("""
                {"resourceType":"AdverseEvent","id":"ae2","actuality":"actual","subject":{"reference":"Patient/p1"},
                 "event":{"text":"Painful neuropathy"},"recordedDate":"2024-02-01",
                 "suspectEntity":[{"instance":{"reference":"#m"}}],
                 "contained":[{"resourceType":"Medication","id":"m","code":{"text":"bortezomib"}}]}""", """
                {"resourceType":"AdverseEvent","id":"ae3","actuality":"actual","subject":{"reference":"Patient/p1"},
                 "event":{"text":"Rash"},"suspectEntity":[{"instance":{"display":"Lenalidomide 10 mg"}}]}""", """
                {"resourceType":"AdverseEvent","id":"ae4","actuality":"actual","subject":{"reference":"Patient/p1"},
                 "event":{"text":"Nausea"},"suspectEntity":[{"instance":{"display":"paracetamol"}}]}""");
        assertEquals(List.of("BORTEZOMIB", "LENALIDOMIDE"), r.intolerances().stream().map(i -> i.getDrug().name()).sorted().toList());
    }

    /** Near misses: a potential event harmed no one; an event recorded after the evaluation date was not in the chart. */
    @Test
    void aPotentialEventOrOneAfterAsOfIsNotRead() {
        PatientRecord r = Bundles.read(ADMINISTRATION, """
                {"resourceType":"AdverseEvent","id":"ae5","actuality":"potential","subject":{"reference":"Patient/p1"},
                 "event":{"text":"Heart failure"},"date":"2025-04-20",
                 "suspectEntity":[{"instance":{"reference":"MedicationAdministration/ma1"}}]}""", """
                {"resourceType":"AdverseEvent","id":"ae6","actuality":"actual","subject":{"reference":"Patient/p1"},
                 "event":{"text":"Heart failure"},"date":"%s",
                 "suspectEntity":[{"instance":{"reference":"MedicationAdministration/ma1"}}]}""".formatted(Bundles.AS_OF.plusDays(1)));
        assertEquals(List.of(), r.intolerances());
    }

    /** An actual event whose suspect the engine cannot name is listed for review, not dropped silently. */
    @Test
    void anUnresolvedSuspectIsListedAndCounted() {
        PatientRecord r = Bundles.read("""
                {"resourceType":"AdverseEvent","id":"ae7","actuality":"actual","subject":{"reference":"Patient/p1"},
                 "event":{"text":"Anaphylaxis"},"date":"2025-04-20",
                 "suspectEntity":[{"instance":{"reference":"MedicationAdministration/not-bundled"}}]}""", """
                {"resourceType":"AdverseEvent","id":"ae8","actuality":"actual","subject":{"reference":"Patient/p1"},
                 "event":{"text":"Rash"},"date":"2025-04-20",
                 "suspectEntity":[{"instance":{"reference":"#m"}}],
                 "contained":[{"resourceType":"Medication","id":"m","code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"999999999"}],"text":"herbal tea X"}}]}""");
        assertEquals(List.of(), r.intolerances());
        assertEquals(2, r.skippedResources().get(AdverseEventMapper.SKIP_SUSPECT_NOT_RECOGNISED));
        List<UnrecognisedCode> u = r.unrecognised();
        assertEquals(2, u.size(), u::toString);
        UnrecognisedCode first = u.stream().filter(x -> x.reference().equals("AdverseEvent/ae7")).findFirst().orElseThrow();
        assertEquals(AdverseEventMapper.SUSPECT_CATEGORY, first.category());
        assertTrue(first.display().contains("MedicationAdministration/not-bundled"), first.display());
        assertTrue(first.display().contains("Anaphylaxis"), first.display());
        UnrecognisedCode second = u.stream().filter(x -> x.reference().equals("AdverseEvent/ae8")).findFirst().orElseThrow();
        assertEquals("999999999", second.code());
        assertTrue(second.display().contains("herbal tea X"), second.display());
    }

    /** Near miss: a resolved suspect beside an unresolved one is read, and only the unresolved one is listed. */
    @Test
    void aResolvedSuspectIsReadAndOnlyTheOtherListed() {
        PatientRecord r = Bundles.read(ADMINISTRATION, """
                {"resourceType":"AdverseEvent","id":"ae9","actuality":"actual","subject":{"reference":"Patient/p1"},
                 "event":{"text":"Heart failure"},"date":"2025-04-20",
                 "suspectEntity":[{"instance":{"reference":"MedicationAdministration/ma1"}},{"instance":{"display":"paracetamol"}}]}""");
        assertEquals(1, r.intolerances().size());
        assertEquals(null, r.skippedResources().get(AdverseEventMapper.SKIP_SUSPECT_NOT_RECOGNISED));
        assertEquals(1, r.unrecognised().size());
        assertTrue(r.unrecognised().get(0).display().contains("(paracetamol)"), r.unrecognised().get(0).display());
    }
}
