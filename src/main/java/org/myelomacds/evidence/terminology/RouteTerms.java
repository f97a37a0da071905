package org.myelomacds.evidence.terminology;

import org.myelomacds.facts.Route;

import java.util.List;
import java.util.Optional;

/**
 * Routes of administration: {@code route-subcutaneous}, {@code route-intravenous}, {@code route-oral} (SNOMED, as in
 * FHIR R4's route-codes example value set, and the words a dosage text uses; tried in that order).
 */
public final class RouteTerms {
    private final Family<Route> routes;

    RouteTerms(Terminology t) {
        routes = t.family("routes", List.of(
                new Family.Entry<>(t.require("route-subcutaneous", "the subcutaneous route"), Route.SUBCUTANEOUS),
                new Family.Entry<>(t.require("route-intravenous", "the intravenous route"), Route.INTRAVENOUS),
                new Family.Entry<>(t.require("route-oral", "the oral route"), Route.ORAL)), true);
    }

    public Optional<Route> byCode(String system, String code) { return routes.valueByCode(system, code); }

    /** "Subcutaneous", "IV infusion", "by mouth". */
    public Optional<Route> byText(String text) { return routes.byText(text); }
}
