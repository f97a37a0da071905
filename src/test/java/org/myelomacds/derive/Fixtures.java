package org.myelomacds.derive;

import org.myelomacds.facts.Drug;
import org.myelomacds.facts.Measurement;
import org.myelomacds.facts.MeasurementKind;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.MedicationSource;
import org.myelomacds.facts.ProcedureKind;
import org.myelomacds.facts.ProcedureRecord;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.Route;

import java.time.LocalDate;

/** Small builders for derive tests. */
final class Fixtures {
    private Fixtures() {}

    static LocalDate d(String iso) { return LocalDate.parse(iso); }

    static MedicationRecord given(String id, Drug drug, String start, String end, String groupRef) {
        return new MedicationRecord(drug, Route.UNKNOWN, MedicationSource.STATEMENT, "completed", false,
                start == null ? null : d(start), end == null ? null : d(end), groupRef, false,
                new Provenance("MedicationStatement/" + id, start == null ? null : d(start)));
    }

    static MedicationRecord active(String id, Drug drug, String start, String groupRef) {
        return new MedicationRecord(drug, Route.UNKNOWN, MedicationSource.STATEMENT, "active", false, d(start), null,
                groupRef, false, new Provenance("MedicationStatement/" + id, d(start)));
    }

    static MedicationRecord record(String id, Drug drug, Route route, String status, boolean planned, String start,
                                   String end, boolean toxicity) {
        return new MedicationRecord(drug, route, MedicationSource.ADMINISTRATION, status, planned,
                start == null ? null : d(start), end == null ? null : d(end), null, toxicity,
                new Provenance("MedicationAdministration/" + id, start == null ? null : d(start)));
    }

    static ProcedureRecord asct(String id, String date, String groupRef) {
        return new ProcedureRecord(ProcedureKind.AUTOLOGOUS_STEM_CELL_TRANSPLANT, d(date), false, groupRef,
                new Provenance("Procedure/" + id, d(date)));
    }

    static Measurement measurement(MeasurementKind kind, double value, String date, String id) {
        return new Measurement(kind, value, null, null, false, date == null ? null : d(date),
                java.util.List.of(new Provenance("Observation/" + id, date == null ? null : d(date))));
    }
}
