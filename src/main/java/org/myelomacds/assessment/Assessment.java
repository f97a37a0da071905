package org.myelomacds.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * The canonical output of one evaluation (ARCHITECTURE.md §6). Every front end renders this object;
 * none re-derives clinical logic. Immutable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Assessment(
        PatientSummary patient,
        String asOf,
        String jurisdiction,
        RulebaseInfo rulebase,
        LabelVersion labels,
        String setting,
        Findings findings,
        List<Recommendation> recommendations,
        List<NotRecommended> notRecommended,
        List<Flag> flags,
        List<DataGapItem> dataGaps,
        Map<String, EvidenceRef> evidence,
        List<TraceEntry> trace,
        String disclaimer) {

    public static final String DISCLAIMER = "Decision support for clinicians; not a prescription.";

    public Assessment {
        recommendations = List.copyOf(recommendations);
        notRecommended = List.copyOf(notRecommended);
        flags = List.copyOf(flags);
        dataGaps = List.copyOf(dataGaps);
        evidence = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(evidence));
        trace = List.copyOf(trace);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PatientSummary(String id, Integer age, String sex) {}

    public record RulebaseInfo(String version, String sha256, String mode) {}
}
