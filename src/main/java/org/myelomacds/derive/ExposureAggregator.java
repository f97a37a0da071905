package org.myelomacds.derive;

import org.myelomacds.facts.Drug;
import org.myelomacds.facts.DrugExposure;
import org.myelomacds.facts.DrugIntolerance;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.Provenances;
import org.myelomacds.facts.Route;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Aggregates medication records into one {@link DrugExposure} per drug, as of the evaluation date.
 * <ul>
 *   <li>Only <em>given</em> records count: planned records (draft/proposed requests, intended statements) and records with
 *       status {@code not-taken}, {@code not-done} or {@code entered-in-error} are ignored; so are records starting after
 *       asOf.</li>
 *   <li>firstDose = the earliest start, firstDoseLatest the latest day it can be (the earliest of the records' latest
 *       start days: a start recorded as "2024-07" gives 31 July, clipped to asOf); lastDose = the latest end, or the start for a record without an end that is not
 *       ongoing (a single administration); with partial dates lastDose is the latest day the last dose can have been
 *       given and lastDoseEarliest the earliest (a one-day record dated "2026-07": 31 and 1 July).</li>
 *   <li>ongoing = some record is active/in-progress/on-hold without an end, or ends after asOf; lastDose is then asOf
 *       (future dates are clipped to asOf, so a washout is never negative).</li>
 *   <li>intolerant = some given record of the drug was stopped for a toxicity of its own ({@link Intolerances#isOwn}: not a
 *       steroid or partner stopped with its line under another drug's reason), or a recorded intolerance (an
 *       AllergyIntolerance) names the drug. Undated records of a drug that also has dated records contribute this flag
 *       (and their provenance when they do), because intolerance does not need a date.</li>
 *   <li>routes: distinct, in enum order (UNKNOWN is kept when a record did not say); provenance: distinct, sorted.</li>
 *   <li>Given records without a start date cannot be placed in time: they are returned in
 *       {@link ExposureSummary#undated()} for the caller to report as a data gap. A drug whose given records are all
 *       undated is still an exposure (the drug was given; only when is unknown): an <em>undated</em> one
 *       ({@link DrugExposure#isDated()} false), with no dates, not ongoing, its intolerance and provenance from those
 *       records. "Prior X" and "X-naive" are decided by it; decisions that need a date (refractoriness, washout) are
 *       left undecided by the rules (DERIVE-REFRACTORY-20, DERIVE-WASHOUT-10). A drug with dated records keeps its dated
 *       exposure, and its undated records add only their intolerance.</li>
 * </ul>
 */
public final class ExposureAggregator {
    private ExposureAggregator() {}

    public static ExposureSummary aggregate(List<MedicationRecord> records, LocalDate asOf) {
        return aggregate(records, List.of(), asOf);
    }

    /** {@code recorded}: the intolerances the record states outside medication records (AllergyIntolerance). */
    public static ExposureSummary aggregate(List<MedicationRecord> records, List<DrugIntolerance> recorded, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        List<MedicationRecord> given = new ArrayList<>();
        Map<Drug, List<MedicationRecord>> dated = new TreeMap<>();
        Map<Drug, List<MedicationRecord>> undatedByDrug = new TreeMap<>();
        List<MedicationRecord> undated = new ArrayList<>();
        for (MedicationRecord r : records == null ? List.<MedicationRecord>of() : records) {
            if (r == null || !TherapyRecords.isGiven(r)) continue;
            if (r.getStart() == null || !r.getStart().isAfter(asOf)) given.add(r);
            if (r.getStart() == null) {
                undated.add(r);
                undatedByDrug.computeIfAbsent(r.getDrug(), d -> new ArrayList<>()).add(r);
            } else if (!r.getStart().isAfter(asOf)) {
                dated.computeIfAbsent(r.getDrug(), d -> new ArrayList<>()).add(r);
            }
        }

        List<DrugExposure> exposures = new ArrayList<>();
        for (Map.Entry<Drug, List<MedicationRecord>> e : dated.entrySet()) {
            LocalDate first = null;
            LocalDate firstLatest = null;
            LocalDate last = null;
            LocalDate lastEarliest = null;
            boolean ongoing = false;
            boolean intolerant = false;
            TreeSet<Route> routes = new TreeSet<>();
            TreeSet<Provenance> provenance = new TreeSet<>();
            for (MedicationRecord r : e.getValue()) {
                LocalDate recordLast = TherapyRecords.lastDay(r, asOf);
                if (first == null || r.getStart().isBefore(first)) first = r.getStart();
                // the first dose is no later than the latest day of any record's start (a start "2024-07" ends 31 July)
                LocalDate startLatest = r.getStartLatest().isAfter(asOf) ? asOf : r.getStartLatest();
                if (firstLatest == null || startLatest.isBefore(firstLatest)) firstLatest = startLatest;
                if (last == null || recordLast.isAfter(last)) last = recordLast;
                LocalDate recordLastEarliest = TherapyRecords.earliestLastDay(r, asOf);
                if (lastEarliest == null || recordLastEarliest.isAfter(lastEarliest)) lastEarliest = recordLastEarliest;
                ongoing |= TherapyRecords.isOngoing(r, asOf);
                intolerant |= Intolerances.isOwn(r, given);
                routes.add(r.getRoute());
                provenance.addAll(r.getProvenance());
            }
            for (MedicationRecord r : undatedByDrug.getOrDefault(e.getKey(), List.of())) {
                if (Intolerances.isOwn(r, given)) {
                    intolerant = true;
                    provenance.addAll(r.getProvenance());
                }
            }
            for (DrugIntolerance i : recorded == null ? List.<DrugIntolerance>of() : recorded) {
                if (i.getDrug().equals(e.getKey())) {
                    intolerant = true;
                    provenance.addAll(i.getProvenance());
                }
            }
            if (ongoing) last = lastEarliest = asOf;
            // A first dose from a record placed by its dateAsserted is known only as an interval up to that day.
            String firstWords = null;
            for (MedicationRecord r : e.getValue()) {
                if (r.isPlacedByAssertion() && r.getStart().equals(first)) {
                    firstWords = "an unknown day from " + r.getStart() + " to " + r.getStartLatest() + " ("
                            + r.getAssertedText() + ")";
                }
            }
            exposures.add(new DrugExposure(e.getKey(), first, last, lastEarliest, ongoing, intolerant,
                    new ArrayList<>(routes), new ArrayList<>(provenance)).withAssertedWords(firstWords)
                    .withFirstDoseLatest(firstLatest));
        }
        for (Map.Entry<Drug, List<MedicationRecord>> e : undatedByDrug.entrySet()) {
            if (dated.containsKey(e.getKey())) continue;
            boolean intolerant = false;
            TreeSet<Route> routes = new TreeSet<>();
            TreeSet<Provenance> provenance = new TreeSet<>();
            for (MedicationRecord r : e.getValue()) {
                intolerant |= Intolerances.isOwn(r, given);
                routes.add(r.getRoute());
                provenance.addAll(r.getProvenance());
            }
            for (DrugIntolerance i : recorded == null ? List.<DrugIntolerance>of() : recorded) {
                if (i.getDrug().equals(e.getKey())) intolerant = true;
            }
            // What each record's dateAsserted says, when one has it (CDS-POLICY-DATE-ASSERTED).
            String words = null;
            if (e.getValue().stream().anyMatch(r -> r.getAssertedOn() != null)) {
                words = e.getValue().stream().map(r -> Provenances.references(r) + " " + r.getNoDateWords())
                        .distinct().collect(java.util.stream.Collectors.joining("; "));
            }
            exposures.add(DrugExposure.undated(e.getKey(), intolerant, new ArrayList<>(routes), new ArrayList<>(provenance))
                    .withAssertedWords(words));
        }
        // one exposure per drug in drug catalogue order, dated or not
        exposures.sort(java.util.Comparator.comparing(DrugExposure::getDrug));
        return new ExposureSummary(exposures, undated);
    }

    /** The given records without a start date (the data gap {@link #aggregate} reports in its summary). */
    public static List<MedicationRecord> undated(List<MedicationRecord> records) {
        return records == null ? List.of() : records.stream()
                .filter(r -> r != null && TherapyRecords.isGiven(r) && r.getStart() == null).toList();
    }
}
