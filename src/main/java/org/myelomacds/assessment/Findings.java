package org.myelomacds.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** The derived clinical picture the recommendations rest on, each item with the facts it came from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Findings(
        Item setting,
        List<Item> diagnoses,
        Item transplantEligibility,
        PriorTherapy priorTherapy,
        List<Exposure> exposures,
        List<Item> refractoriness,
        Washout antiCd38Washout,
        List<Renal> renal,
        List<Item> pulmonary,
        List<Item> otherConditions,
        List<Item> labs,
        List<Item> allergies,
        List<String> unreadable,
        Map<String, Integer> skippedResources) {

    /** A finding stated in words, with a machine-readable value and its facts. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String code, String value, String text, List<FactRef> facts) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PriorTherapy(int priorLines, boolean recorded, List<Line> lines) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(int number, String start, String end, List<String> drugs, boolean includesTransplant,
                       boolean ongoing, String reason, List<FactRef> facts) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Exposure(String drug, String drugClass, String firstDose, String lastDose, boolean ongoing,
                           boolean intolerant, boolean refractory, List<String> routes, List<FactRef> facts) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Washout(String drug, String lastDose, long days, String band, String text, List<FactRef> facts) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Renal(String metric, double value, String unit, String method, String date, long ageDays,
                        String category, boolean stale, boolean computed, boolean current, String text,
                        List<FactRef> facts) {}
}
