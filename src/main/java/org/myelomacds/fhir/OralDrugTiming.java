package org.myelomacds.fhir;

import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.DrugClass;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.UnlistedNamedMedication;
import org.myelomacds.facts.UnrecognisedCode;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * CDS-POLICY-ORAL-AFTER-PROGRESSION (qa-bundles/FINDINGS.md A3 remainder): an uncatalogued drug taken by mouth with no
 * other signal ({@link UnlistedNamedMedication#ORAL_CANDIDATE}) is read by its timing. A drug first recorded within
 * {@value #WINDOW_DAYS} days after a documented progression, with no other therapy started from that progression to
 * {@value #WINDOW_DAYS} days after the drug's start, has the timing of a next line (a new oral agent, or one given in a
 * trial under a code the catalogue lacks): {@link UnlistedNamedMedication#TAKEN_AFTER_PROGRESSION}, so the rules name it
 * (THERAPY_UNCLASSIFIED). The ordinary oral drugs of a real record (statins, antihypertensives, proton-pump inhibitors)
 * were started long before, or beside the next regimen, and stay skipped, counted as unrecognised as before.
 */
final class OralDrugTiming {
    private OralDrugTiming() { }

    /** The initial-regimen window of the line deriver (a drug within 30 days of a line's start belongs to its regimen). */
    static final int WINDOW_DAYS = 30;

    /**
     * {@code records} with every oral candidate either read as started after a progression or left out; each left out
     * is counted by {@code skip} as the unrecognised medication it was before.
     */
    static List<MedicationRecord> select(List<MedicationRecord> records, List<DiseaseStatus> statuses,
                                         List<UnrecognisedCode> unrecognised, Consumer<String> skip) {
        if (records.stream().noneMatch(OralDrugTiming::candidate)) return records;
        Map<String, String> names = new HashMap<>();
        for (UnrecognisedCode u : unrecognised) {
            if (u.reference() != null && u.display() != null && !u.display().isBlank()) {
                names.putIfAbsent(u.reference(), nameKey(u.display()));
            }
        }
        // One drug is many records (refills): its timing is its first record's, whatever its later records say.
        Map<String, List<MedicationRecord>> byName = new LinkedHashMap<>();
        for (MedicationRecord r : records) {
            if (!candidate(r)) continue;
            String ref = String.valueOf(r.sourceReference());
            byName.computeIfAbsent(names.getOrDefault(ref, ref), k -> new ArrayList<>()).add(r);
        }
        List<DiseaseStatus> progressions = statuses.stream().filter(d -> d.isProgression() && d.getDate() != null).toList();
        List<MedicationRecord> others = records.stream().filter(r -> !candidate(r) && r.getStart() != null
                && !r.isPlanned() && r.getDrug().getDrugClass() != DrugClass.CORTICOSTEROID).toList();
        Map<MedicationRecord, Boolean> kept = new java.util.IdentityHashMap<>();
        for (List<MedicationRecord> drug : byName.values()) {
            boolean afterProgression = drug.stream().allMatch(r -> r.getStart() != null) && startsANextLine(
                    drug.stream().map(MedicationRecord::getStart).min(LocalDate::compareTo).orElseThrow(), progressions, others);
            drug.forEach(r -> kept.put(r, afterProgression));
        }
        List<MedicationRecord> out = new ArrayList<>();
        for (MedicationRecord r : records) {
            if (!candidate(r)) out.add(r);
            else if (kept.get(r)) out.add(r.withDrug(UnlistedNamedMedication.TAKEN_AFTER_PROGRESSION));
            else skip.accept(resourceType(r) + MedicationMapper.SKIP_UNRECOGNISED_SUFFIX);
        }
        return out;
    }

    private static boolean candidate(MedicationRecord r) {
        return UnlistedNamedMedication.ORAL_CANDIDATE.equals(r.getDrug());
    }

    /**
     * Whether a drug first recorded on {@code start} lies 0 to {@value #WINDOW_DAYS} days after a documented progression
     * (its latest possible day for a partial date) with no other therapy (corticosteroids aside) starting from the
     * progression to {@value #WINDOW_DAYS} days after {@code start}.
     */
    private static boolean startsANextLine(LocalDate start, List<DiseaseStatus> progressions, List<MedicationRecord> others) {
        for (DiseaseStatus p : progressions) {
            LocalDate latest = p.getLatest() == null ? p.getDate() : p.getLatest();
            if (start.isBefore(p.getDate()) || ChronoUnit.DAYS.between(latest, start) > WINDOW_DAYS) continue;
            LocalDate until = start.plusDays(WINDOW_DAYS);
            boolean otherStarted = others.stream().anyMatch(o -> !o.getStart().isBefore(p.getDate())
                    && !o.getStart().isAfter(until));
            if (!otherStarted) return true;
        }
        return false;
    }

    /** The name without dose, route and form words ("ZORVEXA 4 mg capsule" is "zorvexa"). */
    private static String nameKey(String display) {
        String cut = display.split("[0-9(]", 2)[0].strip();
        return (cut.isEmpty() ? display.strip() : cut).toLowerCase(Locale.ROOT);
    }

    private static String resourceType(MedicationRecord r) {
        String ref = String.valueOf(r.sourceReference());
        int slash = ref.indexOf('/');
        return slash < 0 ? "MedicationStatement" : ref.substring(0, slash);
    }
}
