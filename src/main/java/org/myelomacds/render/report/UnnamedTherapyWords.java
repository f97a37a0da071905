package org.myelomacds.render.report;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.myelomacds.assessment.FactRef;
import org.myelomacds.assessment.Findings;

/**
 * What the patient table says of therapy the engine cannot name (a study drug the catalogue's catch-all holds, a
 * medication it cannot identify; CDS-POLICY-UNIDENTIFIED-MEDICATION). It reads only what the assessment decided: the
 * exposures of class OTHER, the lines and their records, the anti-CD38 class status; it decides nothing.
 */
final class UnnamedTherapyWords {
    private UnnamedTherapyWords() {}

    static final String MAY_ADD_LINES = "therapy the engine cannot name may add lines";

    /**
     * Whether the hedge "may add lines" belongs beside the count: some unnamed therapy is named by a data gap and not
     * every record of it lies in a placed line. A course the timeline placed inside a line (a blinded study drug begun
     * with Kd on its first day) is counted with that line and adds none (FINDINGS X4); a medication the engine cannot
     * identify (MEDICATION_UNIDENTIFIED) is never read as placed.
     */
    static boolean mayAddLines(Findings f, Collection<String> gapCodes) {
        if (!gapCodes.contains("THERAPY_UNCLASSIFIED") && !gapCodes.contains("MEDICATION_UNIDENTIFIED")) return false;
        if (gapCodes.contains("MEDICATION_UNIDENTIFIED")) return true;
        List<Findings.Exposure> unnamed = unnamed(f);
        if (unnamed.isEmpty() || f.priorTherapy() == null || f.priorTherapy().lines() == null) return true;
        Set<String> placed = new TreeSet<>();
        for (Findings.Line l : f.priorTherapy().lines()) {
            if (l.facts() != null) l.facts().forEach(r -> placed.add(r.reference()));
        }
        return unnamed.stream().flatMap(e -> e.facts() == null ? java.util.stream.Stream.<FactRef>empty() : e.facts().stream())
                .anyMatch(r -> !placed.contains(r.reference()))
                || unnamed.stream().anyMatch(e -> e.facts() == null || e.facts().isEmpty());
    }

    /**
     * "therapy the engine cannot name (unclassified antineoplastic, 2023-05-24 to 2026-07-29)" when the anti-CD38 class's
     * exposure is unknown for want of a drug name (DERIVE-CLASS-03) and no blinded anti-CD38 product explains it: the
     * unnamed therapy may have been an anti-CD38 antibody (FINDINGS V5); null otherwise.
     */
    static String antiCd38Possibly(Findings f) {
        if (f.drugClasses() == null) return null;
        boolean unknown = f.drugClasses().stream().anyMatch(c -> "ANTI_CD38".equals(c.drugClass())
                && "UNKNOWN".equals(c.exposure()) && (c.possiblyGiven() == null || c.possiblyGiven().isEmpty()));
        if (!unknown) return null;
        List<Findings.Exposure> unnamed = unnamed(f);
        if (unnamed.isEmpty()) return "therapy the engine cannot name or a gap in the drug history (see the data gaps)";
        return "therapy the engine cannot name (" + unnamed.stream().map(e -> ReportView.drug(e.drug())
                + (e.firstDose() == null ? ", undated" : e.firstDose().equals(e.lastDose()) ? ", " + e.firstDose()
                        : ", " + e.firstDose() + " to " + e.lastDose()))
                .collect(Collectors.joining("; ")) + ")";
    }

    private static List<Findings.Exposure> unnamed(Findings f) {
        return f.exposures() == null ? List.of()
                : f.exposures().stream().filter(e -> "OTHER".equals(e.drugClass())).toList();
    }
}
