package org.myelomacds.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A cited source as printed in the evidence table. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvidenceRef(String title, String citation, String doi, String pmid, String url, String verification) {}
