package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/**
 * An active medication request with no stated end, written longer ago than CDS-POLICY-OPEN-REQUEST allows: it is not
 * read as ongoing therapy (exposure on its start day only), and the end of that therapy is unknown.
 */
public final class OpenRequestNotOngoing implements HasProvenance {
    private final MedicationRecord request;
    private final int policyDays;

    public OpenRequestNotOngoing(MedicationRecord request, int policyDays) {
        this.request = Objects.requireNonNull(request, "request");
        this.policyDays = policyDays;
    }

    public MedicationRecord getRequest() { return request; }
    public Drug getDrug() { return request.getDrug(); }
    public int getPolicyDays() { return policyDays; }

    public String describe() {
        return request.getDrug().displayName() + " request " + Provenances.references(request) + " of " + request.getStart()
                + " is still '" + request.getStatus() + "' with no end, dose duration or supply, and was written more than "
                + policyDays + " days ago: it is read as given on " + request.getStart() + ", not as ongoing";
    }

    @Override public List<Provenance> getProvenance() { return request.getProvenance(); }
}
