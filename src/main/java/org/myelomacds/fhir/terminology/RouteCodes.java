package org.myelomacds.fhir.terminology;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.myelomacds.facts.Route;

/** Routes of administration (SNOMED, as in the FHIR R4 route-codes example value set) and their plain names. */
public final class RouteCodes {
    private RouteCodes() { }

    /** M (FHIR R4 route-codes VS): intravenous route. */ public static final String SCT_INTRAVENOUS = "47625008";
    /** M (FHIR R4 route-codes VS): subcutaneous route. */ public static final String SCT_SUBCUTANEOUS = "34206005";
    /** M (FHIR R4 route-codes VS): oral route. */ public static final String SCT_ORAL = "26643006";

    private static final Map<String, Route> SNOMED = Map.of(
            SCT_INTRAVENOUS, Route.INTRAVENOUS, SCT_SUBCUTANEOUS, Route.SUBCUTANEOUS, SCT_ORAL, Route.ORAL);

    public static Optional<Route> byCode(String system, String code) {
        if (code == null || !CodeSystems.same(system, CodeSystems.SNOMED)) return Optional.empty();
        return Optional.ofNullable(SNOMED.get(code.trim()));
    }

    /** Text fallback for route displays such as "Subcutaneous", "IV infusion", "by mouth". */
    public static Optional<Route> byText(String text) {
        if (text == null) return Optional.empty();
        String t = text.toLowerCase(Locale.ROOT).trim();
        if (t.contains("subcutan") || t.equals("sc") || t.equals("s.c.") || t.equals("subq")) return Optional.of(Route.SUBCUTANEOUS);
        if (t.contains("intraven") || t.equals("iv") || t.startsWith("iv ") || t.equals("i.v.")) return Optional.of(Route.INTRAVENOUS);
        if (t.contains("oral") || t.contains("by mouth") || t.equals("po")) return Optional.of(Route.ORAL);
        return Optional.empty();
    }
}
