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

    /**
     * {@code age} is the age at asOf; when the birth date is recorded only as a year or a month and leaves two possible
     * ages, it is the oldest (as before, for readers of the contract's three fields) and {@code ageMin}/{@code ageMax}
     * give the range (born on the last / first possible day of the recorded date). Both are absent when the age is
     * exact, so an exact age serialises as before.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PatientSummary(String id, Integer age, String sex, Integer ageMin, Integer ageMax) {
        public PatientSummary(String id, Integer age, String sex) { this(id, age, sex, null, null); }

        /** "75", or "74 or 75" when the birth date leaves both; null when unknown. */
        public String ageWords() {
            if (age == null) return null;
            return ageMin == null || ageMax == null || ageMin.equals(ageMax) ? String.valueOf(age) : ageMin + " or " + ageMax;
        }
    }

    public record RulebaseInfo(String version, String sha256, String mode) {}
}
