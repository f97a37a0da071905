package org.myelomacds.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The label version an assessment applied: the indications in force on its evaluation date (rules/regimens.yaml,
 * dates from clinical-evidence.md §2.3). {@code applied} lists the indications its label criteria rested on, with their
 * dates and status on asOf; {@code assumedInForce} names each one whose date the evidence compendium does not give
 * (or gives only to the month) and that was assumed in force, so a replay can be read for what it took on trust.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LabelVersion(String version, String source, List<Indication> applied, List<String> assumedInForce) {
    public LabelVersion {
        applied = List.copyOf(applied);
        assumedInForce = List.copyOf(assumedInForce);
    }

    /** One label indication as it stood on asOf; status is IN_FORCE, ASSUMED_IN_FORCE, NOT_YET_APPROVED or ENDED. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Indication(String regimen, String id, String product, String route, String population,
                             String effective, String ended, String status, String dates, List<String> evidence) {
        public Indication {
            evidence = List.copyOf(evidence);
        }
    }
}
