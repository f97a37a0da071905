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

    public OpenRequestNotOngoing(Drug drug, List<MedicationRecord> requests, int policyDays) {
        this.drug = Objects.requireNonNull(drug, "drug");
        if (requests.isEmpty() || requests.stream().anyMatch(r -> !r.getDrug().equals(drug))) {
            throw new IllegalArgumentException("open requests must be of " + drug + ": " + requests);
        }
        this.requests = requests.stream().sorted(Comparator.comparing(MedicationRecord::getStart)
                .thenComparing(r -> r.getProvenance().isEmpty() ? "" : r.getProvenance().get(0).getReference())).toList();
        this.policyDays = policyDays;
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
        List<String> each = new ArrayList<>();
        for (MedicationRecord r : requests) each.add(Provenances.references(r) + " " + PartialDateText.of(r.getStart(), r.getStartLatest()));
        String statuses = String.join("/", new TreeSet<>(requests.stream().map(MedicationRecord::getStatus).toList()));
        boolean one = requests.size() == 1;
        return drug.displayName() + ": " + (one ? "" : requests.size() + " ") + statuses + (one ? " request " : " requests ")
                + String.join(", ", each) + " with no end, dose duration or supply, written over " + policyDays
                + " days ago: read as given on " + (one ? "that date" : "their dates") + ", not as ongoing";
    }

    @Override public List<Provenance> getProvenance() { return Provenances.of(requests); }
}
