package org.myelomacds.derive;

import org.myelomacds.facts.Drug;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.ProcedureRecord;
import org.myelomacds.facts.TherapyReason;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Whether a record is the high-dose conditioning of a recorded transplant, as the timeline reads it: a conditioning drug
 * (melphalan, busulfan, treosulfan, thiotepa, carmustine, fludarabine) starting up to
 * {@value LineOfTherapyDeriver#CONDITIONING_WINDOW_DAYS} days before a performed transplant and ending by the day after
 * it, the test the line deriver's conditioningFor applies. Such a record is part of its transplant, so it is not asked
 * about as possibly another cancer's therapy (CDS-POLICY-CHEMO-OTHER-CANCER; sweep V, AA8: melphalan 200 the day before
 * an autologous transplant was named among the records that may have treated a breast cancer). Only a transplant the
 * engine reads as the myeloma's (a myeloma reason, or none) carries its conditioning: one stated for another condition,
 * or of a purpose the engine cannot classify, is judged by its own reason, and its conditioning as before. Dates must be
 * exact: a partial date on either side leaves the reading as before.
 */
final class TransplantConditioning {
    private TransplantConditioning() {}

    static boolean of(MedicationRecord r, List<ProcedureRecord> procedures, LocalDate asOf) {
        if (!Drug.TRANSPLANT_CONDITIONING.contains(r.getDrug()) || r.getStart() == null
                || (r.getStartLatest() != null && !r.getStartLatest().equals(r.getStart()))) return false;
        LocalDate last = TherapyRecords.lastDay(r, asOf);
        for (ProcedureRecord p : procedures == null ? List.<ProcedureRecord>of() : procedures) {
            if (p == null || p.getDate() == null || p.isDateImprecise() || p.getDate().isAfter(asOf)
                    || !TherapyRecords.isPerformedTransplant(p) || p.isPossibleTransplant()
                    || !p.getReasons().stream().allMatch(TherapyReason::isMyeloma)) continue;
            long before = ChronoUnit.DAYS.between(r.getStart(), p.getDate());
            if (before >= 0 && before <= LineOfTherapyDeriver.CONDITIONING_WINDOW_DAYS
                    && !last.isAfter(p.getDate().plusDays(1))) return true;
        }
        return false;
    }
}
