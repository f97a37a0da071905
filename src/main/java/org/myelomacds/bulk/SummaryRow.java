package org.myelomacds.bulk;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.DataGapItem;
import org.myelomacds.assessment.Findings;
import org.myelomacds.assessment.Flag;
import org.myelomacds.assessment.NotRecommended;
import org.myelomacds.assessment.Recommendation;

/**
 * One patient's line of the summary table, copied from the Assessment and nothing more: the engine decided every
 * value, the row only puts it where a query can reach it. Lists are sorted (regimens by rank), so rows compare
 * equal whenever the assessments do.
 *
 * @param statuses regimen id → status, for every regimen the Assessment lists
 * @param ranks regimen id → rank, for the recommended ones
 * @param washoutAdequateFrom the day the anti-CD38 washout reaches the rulebase's adequate band (last dose + the
 *        band's first day); null without a prior anti-CD38 dose or while one is ongoing
 */
public record SummaryRow(String patientId, String asOf, String jurisdiction, String rulebaseVersion,
                         String rulebaseSha256, Integer age, String sex, String setting, Integer priorLines,
                         String topRegimen, String topStatus, List<String> recommended,
                         Map<String, String> statuses, Map<String, Integer> ranks,
                         List<String> flagsCritical, List<String> flagsWarning, List<String> flagsInfo,
                         List<String> dataGaps, String antiCd38LastDose, boolean antiCd38Ongoing, Long washoutDays,
                         String washoutBand, String washoutAdequateFrom, int unreadableParts) implements Serializable {

    public static SummaryRow of(String patientId, Assessment a, int unreadableParts) {
        List<String> recommended = new ArrayList<>();
        Map<String, String> statuses = new LinkedHashMap<>();
        Map<String, Integer> ranks = new LinkedHashMap<>();
        Recommendation top = null;
        for (Recommendation r : a.recommendations()) {
            recommended.add(r.regimen());
            statuses.put(r.regimen(), r.status());
            ranks.put(r.regimen(), r.rank());
            if (top == null || r.rank() < top.rank()) top = r;
        }
        for (NotRecommended n : a.notRecommended()) statuses.put(n.regimen(), n.status());
        Findings f = a.findings();
        Findings.Washout w = f == null ? null : f.antiCd38Washout();
        boolean ongoing = f != null && f.exposures() != null && f.exposures().stream()
                .anyMatch(e -> "ANTI_CD38".equals(e.drugClass()) && e.ongoing());
        String adequateFrom = null;
        if (w != null && !ongoing && w.bands() != null) {
            for (Findings.Band b : w.bands()) {
                if ("ADEQUATE".equals(b.band())) adequateFrom = LocalDate.parse(w.lastDose()).plusDays(b.fromDays()).toString();
            }
        }
        Integer priorLines = f == null || f.priorTherapy() == null ? null : f.priorTherapy().priorLines();
        return new SummaryRow(patientId, a.asOf(), a.jurisdiction(), a.rulebase().version(), a.rulebase().sha256(),
                a.patient() == null ? null : a.patient().age(), a.patient() == null ? null : a.patient().sex(),
                a.setting(), priorLines, top == null ? null : top.regimen(), top == null ? null : top.status(),
                List.copyOf(recommended), statuses, ranks,
                flags(a, "CRITICAL"), flags(a, "WARNING"), flags(a, "INFO"),
                List.copyOf(new TreeSet<>(a.dataGaps().stream().map(DataGapItem::code).toList())),
                w == null ? null : w.lastDose(), ongoing, w == null ? null : w.days(), w == null ? null : w.band(),
                adequateFrom, unreadableParts);
    }

    private static List<String> flags(Assessment a, String severity) {
        TreeSet<String> codes = new TreeSet<>();
        for (Flag f : a.flags()) if (severity.equals(f.severity())) codes.add(f.code());
        for (Recommendation r : a.recommendations()) {
            for (Flag f : r.flags()) if (severity.equals(f.severity())) codes.add(f.code());
        }
        return List.copyOf(codes);
    }
}
