package org.myelomacds.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A cited source as printed in the evidence table. The trial fields (trial, population, comparator, pfsHr and the
 * compendium section they were copied from) are present only where rules/evidence.yaml records them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvidenceRef(String title, String citation, String doi, String pmid, String url, String verification,
                          String kind, String trial, String population, String comparator, String pfsHr,
                          String summarySection) {

    /** A citation without trial fields. */
    public EvidenceRef(String title, String citation, String doi, String pmid, String url, String verification) {
        this(title, citation, doi, pmid, url, verification, null, null, null, null, null, null);
    }
}
