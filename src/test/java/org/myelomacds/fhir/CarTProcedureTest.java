package org.myelomacds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myelomacds.facts.CarTProductNotNamed;
import org.myelomacds.facts.DrugClass;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.MedicationSource;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.facts.Provenance;

/**
 * QA sweep G, G1 (CDS-POLICY-CART2-PROCEDURE, rules/terminology/procedure-car-t-infusion.json): a CAR-T infusion recorded
 * only as a Procedure vanished. It is now the product it names, given on its date (one medication record with the
 * Procedure as provenance), or CAR-T cells of unknown product; a planned or not-done infusion, and the other steps of
 * CAR-T care (referral, evaluation, leukapheresis, lymphodepletion), are no dose given.
 */
class CarTProcedureTest {
    private static final String CPT = "http://www.ama-assn.org/go/cpt";

    private static String procedure(String status, String coding, String text, String extra) {
        return "{\"resourceType\":\"Procedure\",\"id\":\"cart\",\"status\":\"" + status + "\",\"code\":{"
                + (coding == null ? "" : "\"coding\":[" + coding + "],") + "\"text\":\"" + text + "\"}"
                + (extra == null ? "" : "," + extra) + ",\"performedDateTime\":\"2024-01-13\"}";
    }

    private static String cpt(String code) { return "{\"system\":\"" + CPT + "\",\"code\":\"" + code + "\"}"; }

    private static List<MedicationRecord> read(String procedure) { return Bundles.read(procedure).medications(); }

    @Test
    void aCarTAdministrationNamingCiltacabtageneIsThatProductGivenOnItsDate() {
        PatientRecord r = Bundles.read(procedure("completed", cpt("0540T"),
                "CAR-T cell infusion: ciltacabtagene autoleucel (Carvykti)", null));
        assertEquals(1, r.medications().size(), r.medications().toString());
        MedicationRecord m = r.medications().get(0);
        assertEquals("CILTACABTAGENE_AUTOLEUCEL", m.getDrug().name());
        assertEquals(DrugClass.CAR_T, m.getDrugClass());
        assertEquals(MedicationSource.PROCEDURE, m.getSource());
        assertEquals(LocalDate.of(2024, 1, 13), m.getStart());
        assertEquals(LocalDate.of(2024, 1, 13), m.getEnd());
        assertFalse(m.isPlanned());
        assertEquals(List.of(new Provenance("Procedure/cart", LocalDate.of(2024, 1, 13))), m.getProvenance());
        assertEquals(List.of(), r.procedures(), "not read as a transplant or a possible one");
    }

    @Test
    void theProductNamedByUsedCodeOrByItsNameAloneIsRead() {
        List<MedicationRecord> used = read(procedure("completed", cpt("38228"), "CAR-T cell administration",
                "\"usedCode\":[{\"text\":\"idecabtagene vicleucel (Abecma)\"}]"));
        assertEquals(List.of("IDECABTAGENE_VICLEUCEL"), used.stream().map(m -> m.getDrug().name()).toList());
        // No CAR-T code and no infusion word: the product's name is enough (a coding display names it here).
        List<MedicationRecord> named = read(procedure("completed",
                "{\"system\":\"urn:local\",\"code\":\"CT-7\",\"display\":\"Carvykti\"}", "Cell therapy day 0", null));
        assertEquals(List.of("CILTACABTAGENE_AUTOLEUCEL"), named.stream().map(m -> m.getDrug().name()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "0540T|CAR-T cell infusion",
            "38228|Chimeric antigen receptor T-cell administration",
            "|Infusion of autologous CAR T-cells (outside centre)",
            "|Chimeric antigen receptor T cells infused"})
    void aCarTInfusionNamingNoProductIsCarTOfUnknownProductNeverDropped(String code, String text) {
        List<MedicationRecord> ms = read(procedure("completed", code == null ? null : cpt(code), text, null));
        assertEquals(1, ms.size(), text);
        assertEquals(CarTProductNotNamed.DRUG, ms.get(0).getDrug());
        assertEquals(DrugClass.OTHER, ms.get(0).getDrugClass(), "an antineoplastic the catalogue cannot classify");
        assertEquals("Procedure/cart", ms.get(0).sourceReference());
    }

    @Test
    void nearMissAPlannedInfusionIsPlannedAndANotDoneOrVoidOneIsNothing() {
        List<MedicationRecord> planned = read(procedure("preparation", cpt("0540T"),
                "CAR-T cell infusion: ciltacabtagene autoleucel (Carvykti)", null));
        assertEquals(1, planned.size());
        assertTrue(planned.get(0).isPlanned(), "preparation: planned, not given");
        for (String status : new String[]{"not-done", "entered-in-error"}) {
            assertEquals(List.of(), read(procedure(status, cpt("0540T"),
                    "CAR-T cell infusion: ciltacabtagene autoleucel (Carvykti)", null)), status);
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "|Referral to CAR-T programme for ciltacabtagene autoleucel",
            "|CAR-T eligibility evaluation (Carvykti)",
            "|CAR-T cell collection (leukapheresis) for ciltacabtagene autoleucel",
            "38225|Leukapheresis for ciltacabtagene autoleucel manufacturing",
            "0537T|T-cell harvest for CAR-T",
            "0539T|Receipt and preparation of CAR-T cells for administration",
            "|Lymphodepletion prior to CAR-T infusion",
            "|CAR-T infusion cancelled",
            "|Cytokine release syndrome after CAR-T infusion"})
    void nearMissOtherStepsOfCarTCareAreNoDoseGiven(String code, String text) {
        assertEquals(List.of(), read(procedure("completed", code == null ? null : cpt(code), text, null)), text);
    }

    /** A code saying administration is not vetoed by the words beside it: the cells were given. */
    @Test
    void anAdministrationCodeIsReadWhateverItsWordsSay() {
        List<MedicationRecord> ms = read(procedure("completed", cpt("0540T"), "CAR-T infusion (post-apheresis product)", null));
        assertEquals(1, ms.size());
        assertEquals(CarTProductNotNamed.DRUG, ms.get(0).getDrug());
    }
}
