package org.myelomacds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.facts.ProcedureKind;

/**
 * CDS-POLICY-CART-COLLECTION (rules/terminology/procedure-car-t-collection.json): a performed T-cell collection for
 * CAR-T manufacture is a procedure record of its own kind, no dose given and no stem-cell apheresis; a planned, referred
 * or cancelled one, a stem-cell apheresis and an apheresis naming no CAR-T are not.
 */
class CarTCollectionProcedureTest {
    private static PatientRecord read(String status, String text) {
        return Bundles.read("{\"resourceType\":\"Procedure\",\"id\":\"leuka\",\"status\":\"" + status + "\",\"code\":{"
                + "\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"127788007\",\"display\":\"Apheresis (procedure)\"}],"
                + "\"text\":\"" + text + "\"},\"performedDateTime\":\"2023-10-09\"}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Leukapheresis for CAR-T manufacture",
            "Apheresis - T-cell collection for CAR-T manufacture",
            "Lymphapheresis for ciltacabtagene autoleucel",
            "CAR T leukapheresis"})
    void aPerformedCollectionForCarTIsReadAsOne(String text) {
        PatientRecord r = read("completed", text);
        assertEquals(1, r.procedures().size(), r.procedures().toString());
        assertEquals(ProcedureKind.CAR_T_CELL_COLLECTION, r.procedures().get(0).getKind());
        assertEquals(LocalDate.of(2023, 10, 9), r.procedures().get(0).getDate());
        assertEquals(List.of(), r.medications(), "no dose given");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "preparation|Leukapheresis for CAR-T manufacture",
            "completed|Referral for leukapheresis for CAR-T",
            "completed|Leukapheresis for CAR-T manufacture cancelled",
            "completed|Peripheral blood stem cell apheresis",
            "completed|Stem cell apheresis before CAR-T referral",
            "completed|Leukapheresis",
            "completed|CAR-T infusion (post-apheresis product)"})
    void nearMissesAreNoCollectionForCarT(String status, String text) {
        PatientRecord r = read(status, text);
        assertEquals(0, r.procedures().stream().filter(p -> p.getKind() == ProcedureKind.CAR_T_CELL_COLLECTION).count(),
                r.procedures().toString());
    }
}
