package org.myelomacds.derive;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.DrugExposure;
import org.myelomacds.facts.DrugIntolerance;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.MedicationSource;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.Route;
import org.myelomacds.facts.TestDrugs;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.myelomacds.derive.Fixtures.d;

class IntolerancesTest {
    static final LocalDate AS_OF = d("2026-10-15");
    static final Drug DEX = TestDrugs.DEXAMETHASONE;

    static MedicationRecord stopped(String id, Drug drug, String plan, String end, boolean toxicity, String reason,
                                    List<Drug> named) {
        MedicationRecord r = new MedicationRecord(drug, Route.UNKNOWN, MedicationSource.STATEMENT, "stopped", false,
                d("2025-01-10"), d(end), plan, toxicity, new Provenance("MedicationStatement/" + id, d("2025-01-10")));
        return reason == null ? r : r.withStopReason(reason, named);
    }

    static List<Drug> drugs(List<DrugIntolerance> list) { return list.stream().map(DrugIntolerance::getDrug).toList(); }

    @Test
    void aSteroidStoppedWithItsLineUnderTheSameReasonIsNotIntolerant() {
        List<MedicationRecord> kd = List.of(
                stopped("cfz", TestDrugs.CARFILZOMIB, "CarePlan/l2", "2025-04-21", true, "Adverse reaction", List.of()),
                stopped("dex", DEX, "CarePlan/l2", "2025-04-21", true, "Adverse reaction", List.of()));
        List<DrugIntolerance> found = Intolerances.of(kd, List.of(), AS_OF);
        assertEquals(List.of(TestDrugs.CARFILZOMIB), drugs(found));
        assertEquals("Adverse reaction", found.get(0).getReason());
        assertEquals(d("2025-04-21"), found.get(0).getDate());
        assertEquals("MedicationStatement/cfz", found.get(0).getSource());
        DrugExposure dex = ExposureAggregator.aggregate(kd, AS_OF).exposures().stream()
                .filter(e -> e.getDrug().equals(DEX)).findFirst().orElseThrow();
        assertFalse(dex.isIntolerant());
    }

    @Test
    void sameLastDayWithoutAPlanIsTheSameLine() {
        List<MedicationRecord> kd = List.of(
                stopped("cfz", TestDrugs.CARFILZOMIB, null, "2025-04-21", true, "adverse event", List.of()),
                stopped("dex", DEX, null, "2025-04-21", true, "Adverse event", List.of()));
        assertEquals(List.of(TestDrugs.CARFILZOMIB), drugs(Intolerances.of(kd, List.of(), AS_OF)));
    }

    @Test
    void aReasonNamingAnotherDrugBelongsToThatDrug() {
        String reason = "Grade 3 heart failure on carfilzomib";
        List<MedicationRecord> kd = List.of(
                stopped("cfz", TestDrugs.CARFILZOMIB, "CarePlan/l2", "2025-04-21", true, reason, List.of(TestDrugs.CARFILZOMIB)),
                stopped("dex", DEX, "CarePlan/l2", "2025-04-21", true, reason, List.of(TestDrugs.CARFILZOMIB)),
                // a non-steroid partner too: the reason names carfilzomib, not it
                stopped("pom", TestDrugs.POMALIDOMIDE, "CarePlan/l2", "2025-04-21", true, reason, List.of(TestDrugs.CARFILZOMIB)));
        assertEquals(List.of(TestDrugs.CARFILZOMIB), drugs(Intolerances.of(kd, List.of(), AS_OF)));
    }

    @Test
    void aSteroidIsIntolerantWhenItsOwnRecordSaysSo() {
        // its own reason, different from the partner's
        List<MedicationRecord> own = List.of(
                stopped("cfz", TestDrugs.CARFILZOMIB, "CarePlan/l2", "2025-04-21", true, "Adverse reaction", List.of()),
                stopped("dex", DEX, "CarePlan/l2", "2025-04-21", true, "Steroid-induced psychosis", List.of()));
        assertEquals(List.of(TestDrugs.CARFILZOMIB, DEX), drugs(Intolerances.of(own, List.of(), AS_OF)).stream().sorted().toList());
        // stopped alone, the partner going on
        List<MedicationRecord> alone = List.of(
                stopped("cfz", TestDrugs.CARFILZOMIB, "CarePlan/l2", "2025-09-01", false, null, List.of()),
                stopped("dex", DEX, "CarePlan/l2", "2025-04-21", true, "Adverse reaction", List.of()));
        assertEquals(List.of(DEX), drugs(Intolerances.of(alone, List.of(), AS_OF)));
        // a reason that names it, even when the partner carries the same words
        List<MedicationRecord> named = List.of(
                stopped("cfz", TestDrugs.CARFILZOMIB, "CarePlan/l2", "2025-04-21", true, "dexamethasone hyperglycaemia", List.of(DEX)),
                stopped("dex", DEX, "CarePlan/l2", "2025-04-21", true, "dexamethasone hyperglycaemia", List.of(DEX)));
        assertEquals(List.of(DEX), drugs(Intolerances.of(named, List.of(), AS_OF)));
    }

    @Test
    void nearMissesRaiseNothing() {
        List<MedicationRecord> records = List.of(
                stopped("cfz", TestDrugs.CARFILZOMIB, "CarePlan/l2", "2025-04-21", false, "Progressive disease", List.of()),
                // planned only: never given, so never not tolerated
                new MedicationRecord(TestDrugs.BORTEZOMIB, Route.UNKNOWN, MedicationSource.REQUEST, "draft", true,
                        d("2025-01-10"), null, null, true, new Provenance("MedicationRequest/v", d("2025-01-10"))),
                // started after asOf
                new MedicationRecord(TestDrugs.LENALIDOMIDE, Route.ORAL, MedicationSource.STATEMENT, "stopped", false,
                        d("2026-11-01"), d("2026-11-20"), null, true, new Provenance("MedicationStatement/len", d("2026-11-01")))
                        .withStopReason("rash", List.of()));
        assertEquals(List.of(), Intolerances.of(records, List.of(), AS_OF));
    }

    @Test
    void aRecordedIntoleranceMarksTheExposureAndIsListedLatestFirst() {
        DrugIntolerance recorded = new DrugIntolerance(TestDrugs.CARFILZOMIB, DrugIntolerance.Kind.ALLERGY_INTOLERANCE,
                "Heart failure", d("2025-04-25"), new Provenance("AllergyIntolerance/a1", d("2025-04-25")));
        List<MedicationRecord> kd = List.of(
                stopped("cfz", TestDrugs.CARFILZOMIB, "CarePlan/l2", "2025-04-21", false, null, List.of()));
        DrugExposure cfz = ExposureAggregator.aggregate(kd, List.of(recorded), AS_OF).exposures().get(0);
        assertTrue(cfz.isIntolerant());
        assertTrue(cfz.getProvenance().contains(new Provenance("AllergyIntolerance/a1", d("2025-04-25"))));
        assertFalse(ExposureAggregator.aggregate(kd, AS_OF).exposures().get(0).isIntolerant());
        List<MedicationRecord> stoppedToo = List.of(
                stopped("cfz", TestDrugs.CARFILZOMIB, "CarePlan/l2", "2025-04-21", true, "Adverse reaction", List.of()));
        List<DrugIntolerance> both = Intolerances.of(stoppedToo, List.of(recorded), AS_OF);
        assertEquals(List.of("AllergyIntolerance/a1", "MedicationStatement/cfz"), both.stream().map(DrugIntolerance::getSource).toList());
        assertEquals("carfilzomib stopped on 2025-04-21 for toxicity: \"Adverse reaction\" (MedicationStatement/cfz)",
                both.get(1).describe());
    }

    static MedicationRecord dose(String id, Drug drug, String day, String status, String reason) {
        MedicationRecord r = new MedicationRecord(drug, Route.INTRAVENOUS, MedicationSource.ADMINISTRATION, status, false,
                d(day), d(day), "CarePlan/dpd", reason != null, new Provenance("MedicationAdministration/" + id, d(day)));
        return reason == null ? r : r.withStopReason(reason, List.of());
    }

    /**
     * FINDINGS J3: a first daratumumab infusion stopped for an infusion reaction, completed the next day and followed by
     * months of daratumumab, was tolerated on re-challenge (CDS-POLICY-INTOLERANCE-RECHALLENGE): no intolerance, no
     * intolerant exposure, but the reaction is kept.
     */
    @Test
    void aDrugStoppedForAReactionAndGivenAgainIsNotAnIntoleranceButIsKept() {
        String reason = "grade 2 infusion-related reaction; infusion interrupted, completed next day";
        List<MedicationRecord> dara = List.of(
                dose("d1", TestDrugs.DARATUMUMAB, "2023-02-27", "stopped", reason),
                dose("d2", TestDrugs.DARATUMUMAB, "2023-02-28", "completed", null),
                dose("d3", TestDrugs.DARATUMUMAB, "2023-03-07", "completed", null));
        assertEquals(List.of(), Intolerances.of(dara, List.of(), AS_OF));
        assertFalse(ExposureAggregator.aggregate(dara, AS_OF).exposures().get(0).isIntolerant());
        var kept = Intolerances.toleratedOnRechallenge(dara, AS_OF);
        assertEquals(1, kept.size(), kept.toString());
        assertEquals(d("2023-02-28"), kept.get(0).againOn());
        assertTrue(kept.get(0).describe().contains(reason) && kept.get(0).describe().contains("MedicationAdministration/d1"),
                kept.get(0).describe());
    }

    /** Near misses: stopped for a reaction and never given again (the later dose after asOf does not count): an intolerance. */
    @Test
    void nearMissADrugStoppedForAReactionAndNeverGivenAgainStaysAnIntolerance() {
        List<MedicationRecord> dara = List.of(
                dose("d1", TestDrugs.DARATUMUMAB, "2025-01-06", "completed", null),
                dose("d2", TestDrugs.DARATUMUMAB, "2025-01-13", "stopped", "grade 3 infusion reaction"),
                dose("d3", TestDrugs.DARATUMUMAB, "2026-11-02", "completed", null));
        List<DrugIntolerance> found = Intolerances.of(dara, List.of(), AS_OF);
        assertEquals(List.of(TestDrugs.DARATUMUMAB), drugs(found));
        assertEquals("MedicationAdministration/d2", found.get(0).getSource());
        assertEquals(List.of(), Intolerances.toleratedOnRechallenge(dara, AS_OF));
    }
}
