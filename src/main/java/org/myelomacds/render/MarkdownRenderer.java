package org.myelomacds.render;

import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.DataGapItem;
import org.myelomacds.assessment.EvidenceRef;
import org.myelomacds.assessment.FactRef;
import org.myelomacds.assessment.Findings;
import org.myelomacds.assessment.Flag;
import org.myelomacds.assessment.NotRecommended;
import org.myelomacds.assessment.Recommendation;
import org.myelomacds.assessment.ScoreLine;
import org.myelomacds.assessment.Statement;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A readable Markdown rendering of the same Assessment: findings, ranked options, why not, flags, gaps, evidence. */
public final class MarkdownRenderer {
    private MarkdownRenderer() {}

    public static String render(Assessment a) {
        StringBuilder md = new StringBuilder();
        md.append("# Anti-CD38 therapy assessment: patient ").append(a.patient().id()).append("\n\n");
        md.append("> ").append(a.disclaimer()).append("\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| Patient | ").append(a.patient().id()).append(", ")
                .append(a.patient().age() == null ? "age unknown" : a.patient().age() + " y").append(", ")
                .append(a.patient().sex().toLowerCase(java.util.Locale.ROOT)).append(" |\n");
        md.append("| Setting | **").append(a.setting()).append("**")
                .append(a.findings().setting() == null ? "" : " — " + esc(a.findings().setting().text())).append(" |\n");
        md.append("| Evaluated as of | ").append(a.asOf()).append(" |\n");
        md.append("| Jurisdiction | ").append(a.jurisdiction()).append(" |\n");
        md.append("| Rulebase | ").append(a.rulebase().version()).append(" (sha256 `")
                .append(a.rulebase().sha256(), 0, 12).append("…`, ").append(a.rulebase().mode()).append(") |\n\n");

        findings(md, a.findings());

        md.append("## Ranked options\n\n");
        if (a.recommendations().isEmpty()) md.append("No regimen is eligible on the data given.\n\n");
        for (Recommendation r : a.recommendations()) {
            md.append("### ").append(r.rank()).append(". ").append(r.name()).append(" (`").append(r.regimen())
                    .append("`) — ").append(r.status()).append(", score ").append(r.score()).append("\n\n");
            md.append("Why:\n\n");
            for (Statement s : r.rationale()) md.append(statement(s));
            if (!r.flags().isEmpty()) {
                md.append("\nFlags:\n\n");
                for (Flag f : r.flags()) md.append(flag(f));
            }
            md.append("\nScore: ");
            md.append(r.scoreComponents().stream().map(MarkdownRenderer::score).collect(Collectors.joining(" ")));
            md.append(" = **").append(r.score()).append("**\n\n");
        }

        md.append("## Not recommended\n\n");
        if (a.notRecommended().isEmpty()) md.append("None.\n\n");
        for (NotRecommended n : a.notRecommended()) {
            md.append("- **").append(n.name()).append("** (`").append(n.regimen()).append("`) — ").append(n.status()).append("\n");
            for (Statement s : n.reasons()) md.append("  ").append(statement(s));
        }
        md.append("\n## Flags\n\n");
        if (a.flags().isEmpty()) md.append("None.\n");
        for (Flag f : a.flags()) md.append(flag(f));
        md.append("\n## Missing data that would change the answer\n\n");
        if (a.dataGaps().isEmpty()) md.append("None.\n");
        for (DataGapItem g : a.dataGaps()) {
            md.append("- **").append(g.code()).append("**: ").append(esc(g.text()))
                    .append(" _Affects: ").append(String.join(", ", g.wouldAffect())).append("._");
            if (g.rule() != null) md.append(" `").append(g.rule()).append("`");
            md.append(cites(g.evidence())).append("\n");
        }
        md.append("\n## Evidence\n\n| id | source | verification | link |\n|---|---|---|---|\n");
        for (Map.Entry<String, EvidenceRef> e : a.evidence().entrySet()) {
            EvidenceRef r = e.getValue();
            md.append("| <a id=\"").append(e.getKey()).append("\"></a>").append(e.getKey()).append(" | ")
                    .append(esc(r.title() == null ? "" : r.title())).append(r.citation() == null || r.citation().isBlank() ? "" : ". " + esc(r.citation()))
                    .append(" | ").append(r.verification() == null ? "" : r.verification()).append(" | ")
                    .append(r.url() == null ? "" : r.url()).append(" |\n");
        }
        md.append("\n---\n").append(a.disclaimer()).append(" Rulebase ").append(a.rulebase().version())
                .append(", sha256 ").append(a.rulebase().sha256()).append(", as of ").append(a.asOf())
                .append(", jurisdiction ").append(a.jurisdiction()).append(".\n");
        return md.toString();
    }

    private static void findings(StringBuilder md, Findings f) {
        md.append("## Findings\n\n");
        if (f.diagnoses() != null) for (Findings.Item d : f.diagnoses()) md.append("- Diagnosis: ").append(item(d));
        if (f.transplantEligibility() != null) md.append("- Transplant eligibility: ").append(item(f.transplantEligibility()));
        md.append("- Prior lines of therapy: **").append(f.priorTherapy().priorLines()).append("**")
                .append(f.priorTherapy().recorded() ? "" : " (no therapy recorded)").append("\n");
        for (Findings.Line l : f.priorTherapy().lines()) {
            md.append("  - Line ").append(l.number()).append(": ").append(l.start()).append(" to ").append(l.end())
                    .append(l.ongoing() ? " (ongoing)" : "").append(", ")
                    .append(l.drugs().stream().map(String::toLowerCase).collect(Collectors.joining(", ")))
                    .append(l.includesTransplant() ? " + stem-cell transplant" : "").append(" — ").append(esc(l.reason()))
                    .append(facts(l.facts())).append("\n");
        }
        for (Findings.Item r : f.refractoriness()) md.append("- Refractory: ").append(item(r));
        if (f.antiCd38Washout() != null) {
            md.append("- Anti-CD38 washout: ").append(f.antiCd38Washout().band().toLowerCase(java.util.Locale.ROOT)).append(", ")
                    .append(esc(f.antiCd38Washout().text())).append(facts(f.antiCd38Washout().facts())).append("\n");
        }
        if (f.renal().isEmpty()) md.append("- Renal function: **unknown** (no result)\n");
        for (Findings.Renal r : f.renal()) {
            md.append("- Renal").append(r.current() ? " (current)" : " (earlier)").append(": ").append(esc(r.text()));
            if (r.category() != null) md.append(", band ").append(r.category());
            if (r.stale()) md.append(", **stale**");
            md.append("\n");
        }
        for (Findings.Item p : f.pulmonary()) md.append("- Lung: ").append(item(p));
        for (Findings.Item o : f.otherConditions()) md.append("- Condition: ").append(item(o));
        for (Findings.Item l : f.labs()) md.append("- Result: ").append(item(l));
        for (Findings.Item a : f.allergies()) md.append("- Allergy: ").append(item(a));
        if (f.unreadable() != null) for (String u : f.unreadable()) md.append("- **Not read**: ").append(esc(u)).append("\n");
        md.append("\n");
    }

    private static String item(Findings.Item i) {
        return esc(i.text() == null ? i.value() : i.text()) + facts(i.facts()) + "\n";
    }

    private static String statement(Statement s) {
        String mark = switch (s.outcome()) {
            case "MET" -> "✔ met";
            case "FAILED" -> "✘ not met";
            default -> "? unknown";
        };
        String kind = "TRIAL_POPULATION".equals(s.kind()) ? "trial" : s.kind().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return "- " + mark + " (" + kind + ", " + s.criterion() + "): " + esc(s.text()) + " `" + s.rule() + "`"
                + cites(s.evidence()) + facts(s.facts()) + "\n";
    }

    private static String flag(Flag f) {
        String icon = switch (f.severity()) {
            case "CRITICAL" -> "⛔ CRITICAL";
            case "WARNING" -> "⚠ WARNING";
            default -> "ℹ INFO";
        };
        return "- " + icon + " **" + f.code() + "**: " + (f.action() == null ? "" : "**Action:** " + esc(f.action()) + ". ")
                + esc(f.text()) + " `" + f.rule() + "`" + cites(f.evidence())
                + (f.regimens().isEmpty() ? "" : " _Applies to: " + String.join(", ", f.regimens()) + "._") + "\n";
    }

    private static String score(ScoreLine s) {
        return (s.points() >= 0 ? "+" : "−") + Math.abs(s.points()) + " " + s.label() + " (`" + s.rule() + "`)";
    }

    private static String cites(List<String> ids) {
        if (ids.isEmpty()) return "";
        return " [" + ids.stream().map(id -> "[" + id + "](#" + id + ")").collect(Collectors.joining(", ")) + "]";
    }

    private static String facts(List<FactRef> facts) {
        if (facts.isEmpty()) return "";
        return " _(" + facts.stream().map(f -> f.reference() + (f.date() == null ? "" : " " + f.date()))
                .collect(Collectors.joining("; ")) + ")_";
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
