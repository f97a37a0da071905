package org.myelomacds.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The active medication requests of one drug with no stated end, written longer ago than CDS-POLICY-OPEN-REQUEST
 * allows: they are not read as ongoing therapy (each is exposure on the day it was written), and when that drug's
 * therapy ended is unknown. One fact per drug, however many such requests the record holds (an order per cycle makes
 * many), so the data gap names the drug once with all its requests.
 */
public final class OpenRequestNotOngoing implements HasProvenance {
    private final Drug drug;
    private final List<MedicationRecord> requests;
    private final int policyDays;
    private final List<TherapyEndNotRecorded.Entry> courses;
    private final java.time.LocalDate asOf;

    public OpenRequestNotOngoing(Drug drug, List<MedicationRecord> requests, int policyDays) {
        this(drug, requests, policyDays, List.of(), null);
    }

    /**
     * With the course each request ends, whose latest possible end bounds the request's unknown end
     * (CDS-POLICY-UNKNOWN-END: the day before the next line started, else {@code asOf}).
     */
    public OpenRequestNotOngoing(Drug drug, List<TherapyEndNotRecorded.Entry> entries, int policyDays, java.time.LocalDate asOf) {
        this(drug, entries.stream().map(TherapyEndNotRecorded.Entry::record).toList(), policyDays, entries, asOf);
    }

    private OpenRequestNotOngoing(Drug drug, List<MedicationRecord> requests, int policyDays,
                                  List<TherapyEndNotRecorded.Entry> courses, java.time.LocalDate asOf) {
        this.drug = Objects.requireNonNull(drug, "drug");
        if (requests.isEmpty() || requests.stream().anyMatch(r -> !r.getDrug().equals(drug))) {
            throw new IllegalArgumentException("open requests must be of " + drug + ": " + requests);
        }
        this.requests = requests.stream().sorted(Comparator.comparing(MedicationRecord::getStart)
                .thenComparing(r -> r.getProvenance().isEmpty() ? "" : r.getProvenance().get(0).getReference())).toList();
        this.policyDays = policyDays;
        this.courses = courses.stream().sorted(Comparator.comparing((TherapyEndNotRecorded.Entry e) -> e.record().getStart())
                .thenComparing(e -> Provenances.references(e.record()))).toList();
        this.asOf = asOf;
    }

    /** One request (kept for callers that have a single record). */
    public OpenRequestNotOngoing(MedicationRecord request, int policyDays) {
        this(Objects.requireNonNull(request, "request").getDrug(), List.of(request), policyDays);
    }

    public Drug getDrug() { return drug; }
    public List<MedicationRecord> getRequests() { return requests; }
    /** The latest of the requests: the last day this drug is known to have been ordered. */
    public MedicationRecord getRequest() { return requests.get(requests.size() - 1); }
    public int getPolicyDays() { return policyDays; }

    public String describe() {
        boolean one = requests.size() == 1;
        List<String> each = new ArrayList<>();
        for (MedicationRecord r : requests) each.add(Provenances.references(r) + " " + PartialDateText.of(r.getStart(), r.getStartLatest()));
        // Old open orders filled after they were written (CDS-POLICY-ORDERS2-FILLS-UNDER-OPEN-ORDER): given up to the
        // last supply, which their course ends on.
        // Say which record the last day rests on: a fill is no charted dose (sweep s13-orders3 remainder).
        List<String> filled = new ArrayList<>();
        boolean fills = false;
        boolean doses = false;
        for (TherapyEndNotRecorded.Entry e : courses) {
            if (e.course().getEnd().isAfter(e.record().getStart())) {
                String kind = e.lastGivenKind() == null ? "dispensed supply or charted dose" : e.lastGivenKind();
                fills |= kind.contains("dispensed");
                doses |= kind.contains("charted");
                filled.add((one ? "and" : Provenances.references(e.record())) + " up to the last " + kind + " on "
                        + e.course().getEnd());
            }
        }
        String given = fills && doses ? "its fills and charted doses give" : doses ? "its charted doses give"
                : "its fills give";
        List<String> policies = new ArrayList<>();
        if (fills) policies.add("CDS-POLICY-ORDERS2-FILLS-UNDER-OPEN-ORDER");
        if (doses) policies.add("CDS-POLICY-ORDERS3-ADMINISTRATIONS-UNDER-OPEN-ORDER");
        List<String> bounds = new ArrayList<>();
        for (TherapyEndNotRecorded.Entry e : courses) {
            bounds.add((one ? "it" : Provenances.references(e.record())) + " ended " + e.course().unknownEndText(asOf));
        }
        String statuses = String.join("/", new TreeSet<>(requests.stream().map(MedicationRecord::getStatus).toList()));
        return drug.displayName() + ": " + (one ? "" : requests.size() + " ") + statuses + (one ? " request " : " requests ")
                + String.join(", ", each) + " with no end, dose duration or supply, written over " + policyDays
                + " days ago: read as given on " + (one ? "that date" : "their dates")
                + (filled.isEmpty() ? "" : " (" + String.join(", ", filled) + ")") + ", not as ongoing"
                + (bounds.isEmpty() ? "" : "; " + String.join("; ", bounds))
                + (filled.isEmpty() ? "" : "; the order is still open, so " + given + " the earliest day the drug can"
                        + " have stopped, not the last dose (" + String.join(", ", policies) + ")");
    }

    @Override public List<Provenance> getProvenance() { return Provenances.of(requests); }
}
