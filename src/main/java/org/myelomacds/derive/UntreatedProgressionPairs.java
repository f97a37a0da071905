package org.myelomacds.derive;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.DiseaseTrend;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.ProcedureRecord;
import org.myelomacds.facts.UntreatedProgressionPair;

/**
 * Consecutive documented progressions with no anti-myeloma therapy recorded between them (QA sweep G, G1 remainder;
 * project policy CDS-POLICY-PROGRESSION-PAIR). IMWG asks for two consecutive assessments before progression is
 * classified or new therapy starts (clinical-evidence.md §1.2, IMWG-CONFIRM-ADMIRAL), so a second progression with
 * nothing given since the first is most often that confirmation. It says therapy may be missing only when the disease
 * was assessed as improved between the two (a response a progression alone does not explain), or when the second came
 * more than {@value LineOfTherapyDeriver#RESUMPTION_WINDOW_DAYS} days after the first (the ordinary break of
 * CDS-POLICY-THERAPY-GAP: a patient whose myeloma progressed, untreated for longer than that, is unusual enough to ask).
 */
public final class UntreatedProgressionPairs {
    private UntreatedProgressionPairs() { }

    public static List<UntreatedProgressionPair> find(List<DiseaseStatus> statuses, List<MedicationRecord> records,
                                                      List<ProcedureRecord> procedures, LocalDate asOf) {
        List<DiseaseStatus> dated = (statuses == null ? List.<DiseaseStatus>of() : statuses).stream()
                .filter(s -> s != null && s.isDated() && !s.isConflicting() && !s.getDate().isAfter(asOf))
                .sorted(Comparator.comparing(DiseaseStatus::getDate)).toList();
        List<DiseaseStatus> progressions = dated.stream().filter(DiseaseStatus::isProgression).toList();
        List<UntreatedProgressionPair> out = new ArrayList<>();
        for (int i = 1; i < progressions.size(); i++) {
            DiseaseStatus first = progressions.get(i - 1);
            DiseaseStatus second = progressions.get(i);
            LocalDate after = first.getLatest();
            LocalDate before = second.getDate();
            if (!before.isAfter(after)) continue;
            if (therapyBetween(records, procedures, after, before, asOf)) continue;
            DiseaseStatus response = dated.stream()
                    .filter(s -> s.getTrend() == DiseaseTrend.IMPROVED && !s.isPreliminary()
                            && s.getDate().isAfter(after) && s.getLatest().isBefore(before))
                    .findFirst().orElse(null);
            long days = ChronoUnit.DAYS.between(after, before);
            if (response == null && days <= LineOfTherapyDeriver.RESUMPTION_WINDOW_DAYS) continue;
            out.add(new UntreatedProgressionPair(first, second, response, days,
                    LineOfTherapyDeriver.RESUMPTION_WINDOW_DAYS));
        }
        return out;
    }

    /**
     * Any drug of the myeloma given on a day after {@code after} and before {@code before} (a course running across the
     * first progression counts: treatment beyond progression is therapy), or a stem-cell transplant between them.
     */
    private static boolean therapyBetween(List<MedicationRecord> records, List<ProcedureRecord> procedures,
                                          LocalDate after, LocalDate before, LocalDate asOf) {
        for (MedicationRecord r : records == null ? List.<MedicationRecord>of() : records) {
            // Every drug record of the myeloma counts, a corticosteroid or a drug the catalogue cannot classify too: a
            // dexamethasone pulse or an unnamed CAR-T is treatment (the latter has its own gap), not nothing given.
            if (r == null || !TherapyRecords.isDatedAndStarted(r, asOf)) continue;
            LocalDate last = TherapyRecords.lastDay(r, asOf);
            // Undated end: the record may have run to any day; counted as therapy between rather than a gap.
            if (last == null || (last.isAfter(after) && r.getStart().isBefore(before))) {
                if (last == null && !r.getStart().isBefore(before)) continue;
                return true;
            }
        }
        for (ProcedureRecord p : procedures == null ? List.<ProcedureRecord>of() : procedures) {
            if (p == null || !TherapyRecords.isPerformedTransplant(p) || p.getDate() == null) continue;
            if (p.getLatest().isAfter(after) && p.getDate().isBefore(before)) return true;
        }
        return false;
    }
}
