package org.myelomacds.render.report;

import org.myelomacds.assessment.Assessment;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The tumour-board report in Markdown: the same sections, rows and citation anchors as the HTML report, from the
 * same {@link ReportView}. The timeline is given as its text alternative (Markdown has no inline drawing).
 */
public final class MarkdownReport {
    private MarkdownReport() {}

    public static String render(Assessment a) {
        ReportView v = ReportView.of(a);
        StringBuilder md = new StringBuilder();
        md.append("# ").append(v.title()).append("\n\n");
        md.append("> ℹ ").append(v.disclaimer()).append("\n\n");
        board(md, v);
        md.append("<a id=\"patient\"></a>\n\n## 1. The patient\n\n### Disease and setting\n\n");
        for (ReportView.Fact f : v.disease()) fact(md, f.label() + ": ", f);
        md.append("\n### Prior lines of therapy\n\n");
        if (v.lines().isEmpty()) md.append("_No line of therapy recorded._\n");
        else {
            md.append("| Line | Start | End | Drugs | Disease status recorded | Why a new line |\n|---|---|---|---|---|---|\n");
            for (ReportView.LineRow l : v.lines()) {
                md.append("| ").append(l.number()).append(" | ").append(l.start()).append(" | ").append(l.end()).append(" | ")
                        .append(esc(l.drugs())).append(" | ")
                        .append(esc(l.statusDuring())).append(" | ").append(esc(l.reason())).append(" |\n");
            }
        }
        if (!v.otherTherapy().isEmpty()) {
            md.append("\n### Other therapy\n\n_Not counted as lines of myeloma therapy: given for another condition, or for a"
                    + " precursor (an exposure that counts for washout and refractoriness)._\n\n");
            for (ReportView.Fact f : v.otherTherapy()) fact(md, f.label() + ": ", f);
        }
        if (!v.unplaced().isEmpty()) {
            md.append("\n### Not placed on the timeline\n\n_Records read but not placed in a line (no date), and line counts"
                    + " a partial date leaves undecided._\n\n");
            for (ReportView.Fact f : v.unplaced()) fact(md, f.label() + ": ", f);
        }
        md.append("\n### Refractoriness\n\n");
        if (v.refractoriness().isEmpty()) md.append("_No refractoriness derived from the record._\n");
        for (ReportView.Fact f : v.refractoriness()) fact(md, "", f);
        md.append("\n### Anti-CD38 exposure and washout\n\n");
        if (v.antiCd38().isEmpty()) md.append("_").append(esc(v.antiCd38None())).append("_\n");
        else {
            md.append("| Drug | Route | First dose | Last dose | Refractory | Intolerant |\n|---|---|---|---|---|---|\n");
            for (ReportView.ExposureRow e : v.antiCd38()) {
                md.append("| ").append(e.drug()).append(" | ").append(e.routes()).append(" | ").append(e.firstDose())
                        .append(" | ").append(e.lastDose()).append(" | ").append(esc(e.refractoryText())).append(" | ")
                        .append(e.intolerant() ? "yes" : "no").append(" |\n");
            }
        }
        if (v.washout() != null) fact(md.append('\n'), "Washout: ", v.washout());
        if (v.timeline() != null) {
            md.append("\n**Therapy timeline** (text alternative of the report's figure): ")
                    .append(esc(v.timeline().svg().desc())).append(cites(v.timeline().washoutCites())).append("\n");
        }
        md.append("\n### Renal function\n\n");
        if (v.renal().isEmpty()) md.append("**Unknown**: no renal result recorded.\n");
        else {
            md.append("| Date | Measure | Value | Unit | Method | Band | Status |\n|---|---|---|---|---|---|---|\n");
            for (ReportView.RenalRow r : v.renal()) {
                md.append("| ").append(r.date()).append(" | ").append(r.metric()).append(" | ").append(r.value()).append(" | ")
                        .append(esc(r.unit())).append(" | ").append(esc(r.method())).append(" | ").append(r.renalBand()).append(" | ")
                        .append(r.status()).append(cites(r.cites())).append(" |\n");
            }
        }
        for (RenalChart c : v.renalCharts()) md.append("\n**").append(c.metric()).append(" trend**: ").append(esc(c.svg().desc())).append("\n");
        md.append("\n### Lung function\n\n");
        if (v.lung().isEmpty()) md.append("_No COPD, asthma or spirometry recorded._\n");
        for (ReportView.Fact f : v.lung()) fact(md, "", f);
        if (!v.otherFindings().isEmpty()) {
            md.append("\n### Other conditions, results and allergies\n\n");
            for (ReportView.Fact f : v.otherFindings()) fact(md, f.label() + ": ", f);
        }
        if (!v.notRead().isEmpty()) {
            md.append("\n### Not read from the bundle\n\n");
            for (String n : v.notRead()) md.append("- ! ").append(esc(n)).append("\n");
        }

        md.append("\n<a id=\"options\"></a>\n\n## 2. Ranked options\n\n");
        if (v.options().isEmpty()) md.append("_No anti-CD38 regimen is eligible on the data given._\n\n");
        for (ReportView.Option o : v.options()) {
            md.append("<a id=\"").append(o.anchor()).append("\"></a>\n\n### ").append(o.rank()).append(". ").append(o.name()).append(" — ").append(o.statusWord())
                    .append(", score ").append(o.score()).append("\n\n**Why**\n\n");
            for (ReportView.Point p : o.why()) point(md, p);
            md.append("\n**What argues against**\n\n");
            if (o.against().isEmpty()) md.append("_Nothing recorded against it._\n");
            for (ReportView.Point p : o.against()) point(md, p);
            md.append("\nScore: ").append(o.scoreLines().stream().map(s -> s.text() + " (`" + s.rule() + "`)")
                    .collect(Collectors.joining("; "))).append(" = **").append(o.score()).append("**\n\n");
        }

        md.append("<a id=\"excluded\"></a>\n\n## 3. Excluded, and why not\n\n");
        if (v.excluded().isEmpty()) md.append("_No regimen was excluded._\n\n");
        for (ReportView.Excluded x : v.excluded()) {
            md.append("<a id=\"excluded-").append(x.regimen()).append("\"></a>\n\n### ").append(x.name()).append(" — ").append(x.statusWord()).append("\n\n");
            for (ReportView.Point p : x.reasons()) point(md, p);
            md.append("\n");
        }

        md.append("<a id=\"flags\"></a>\n\n## 4. Action needed before the first dose\n\n");
        if (v.flags().isEmpty()) md.append("_No flag raised._\n");
        for (ReportView.FlagView f : v.flags()) {
            md.append("- <a id=\"").append(f.anchor()).append("\"></a>").append(f.icon()).append(' ').append(f.severity())
                    .append(" **").append(f.code()).append("**: ")
                    .append(f.action() == null ? "" : "**Action:** " + esc(f.action()) + ".<br>**Finding:** ")
                    .append(esc(f.text())).append(cites(f.cites()))
                    .append(" _Applies to: ").append(f.regimens()).append("; rule `").append(f.rule()).append("`._\n");
        }
        md.append("\n<a id=\"gaps\"></a>\n\n## 5. Missing data that would change the answer\n\n");
        if (v.gaps().isEmpty()) md.append("_None._\n");
        else {
            md.append("| Gap | What is missing | Regimens affected | Rule and evidence |\n|---|---|---|---|\n");
            for (ReportView.GapView g : v.gaps()) {
                md.append("| <a id=\"").append(g.anchor()).append("\"></a>").append(g.code()).append(" | ").append(esc(g.text())).append(" | ").append(esc(g.affects()))
                        .append(" | `").append(g.rule()).append('`').append(cites(g.cites())).append(" |\n");
            }
        }
        md.append("\n## 6. Evidence\n\n");
        md.append("| Ref | Trial | Setting | Comparator | PFS hazard ratio | Subgroup matching this patient | Citation |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (ReportView.EvidenceRow e : v.evidence()) {
            md.append("| <a id=\"").append(e.anchor()).append("\"></a>").append(e.id()).append(" | ").append(esc(e.trial()))
                    .append(" | ").append(esc(e.population())).append(" | ").append(esc(e.comparator())).append(" | ")
                    .append(esc(e.pfsHr())).append(" | ").append(esc(e.subgroups())).append(" | ").append(esc(e.title()));
            if (e.citation() != null && !e.citation().isEmpty()) md.append(". ").append(esc(e.citation()));
            if (e.doi() != null) md.append(". DOI [").append(e.doi()).append("](").append(e.doiUrl()).append(")");
            if (e.url() != null) md.append(". <").append(e.url()).append(">");
            if (e.pmid() != null) md.append(". PMID ").append(e.pmid());
            md.append(". Verification: ").append(e.verification());
            if (e.section() != null) md.append("; trial fields from clinical-evidence.md ").append(e.section());
            md.append(" |\n");
        }
        md.append("\n---\n\n**").append(v.disclaimer()).append("** Rulebase ").append(v.rulebase().version()).append(" (")
                .append(v.rulebase().mode()).append("), sha256 `").append(v.rulebase().sha256()).append("`; evaluated as of ")
                .append(v.asOf()).append("; jurisdiction ").append(v.jurisdiction()).append(".\n");
        return md.toString();
    }

    /** Page 1 of the report: the board sheet, the same rows as the HTML's, linking into the sections below. */
    private static void board(StringBuilder md, ReportView v) {
        ReportView.Board b = v.board();
        md.append("## ").append(b.title()).append("\n\n**Bottom line.** ").append(esc(b.bottomLine()))
                .append(b.bottomLineRules().isEmpty() ? "" : " _(rules " + esc(b.bottomLineRules()) + ")_").append("\n\n| The patient | |\n|---|---|\n");
        for (ReportView.BoardFact f : b.patient()) md.append("| ").append(f.label()).append(" | ").append(esc(f.text())).append(" |\n");
        md.append("\n**Ranked options** (top: ").append(esc(v.topOption())).append("; full case in [section 2](#options))\n\n");
        if (b.options().isEmpty()) md.append("_No anti-CD38 regimen is eligible on the data given._\n");
        else {
            md.append("| Rank | Regimen | Status | Score | Main reason | Cautions |\n|---|---|---|---|---|---|\n");
            for (ReportView.BoardOption o : b.options()) {
                md.append("| ").append(o.rank()).append(" | [").append(esc(o.name())).append("](#").append(o.anchor()).append(") | ")
                        .append(o.statusWord()).append(" | ").append(o.score()).append(" | ").append(esc(o.reason()))
                        .append(o.reasonCite() == null ? "" : cites(List.of(o.reasonCite()))).append(" | ")
                        .append(o.cautions().isEmpty() ? "none" : o.cautions().stream()
                                .map(c -> "[" + c.icon() + " " + c.severity() + ": " + esc(c.title()) + "](#" + c.anchor() + ")")
                                .collect(Collectors.joining("<br>"))).append(" |\n");
            }
        }
        if (!b.excluded().isEmpty()) {
            md.append("\n**Excluded** ([section 3](#excluded))\n\n");
            for (ReportView.BoardExcluded x : b.excluded()) {
                md.append("- [").append(esc(x.name())).append("](#excluded-").append(x.regimen()).append(") (").append(x.statusWord())
                        .append("): ").append(esc(x.reason())).append("\n");
            }
        }
        md.append("\n**Concerns to discuss** ([section 4](#flags))\n\n");
        if (b.concerns().isEmpty()) md.append("_No warning or critical concern for a ranked option._\n");
        for (ReportView.BoardAction f : b.concerns()) {
            md.append("- [").append(f.icon()).append(' ').append(f.severity()).append(" ").append(esc(f.title())).append("](#")
                    .append(f.anchor()).append(") _(").append(esc(f.regimens())).append(")_: ").append(esc(f.text())).append("\n");
        }
        if (!b.doses().isEmpty()) {
            md.append("\n**Doses the rules adjusted** ([section 4](#flags))\n\n");
            for (ReportView.BoardAction f : b.doses()) {
                md.append("- [").append(esc(f.title())).append("](#").append(f.anchor()).append(") _(").append(esc(f.regimens()))
                        .append(")_: ").append(esc(f.text())).append("\n");
            }
        }
        md.append("\n**Before the first dose: routine tasks** ([section 4](#flags))\n\n");
        if (b.actions().isEmpty()) md.append("_None for a ranked option._\n");
        for (ReportView.BoardAction f : b.actions()) {
            md.append("- [").append(esc(f.title())).append("](#").append(f.anchor()).append(") _(").append(esc(f.regimens()))
                    .append(")_: ").append(esc(f.text())).append("\n");
        }
        md.append("\n**Missing data that would change the answer** ([section 5](#gaps))\n\n");
        if (b.gaps().isEmpty()) md.append("_None._\n");
        for (ReportView.GapView g : b.gaps()) {
            md.append("- [").append(ReportView.capitalise(ReportView.word(g.code()))).append("](#").append(g.anchor()).append("): ")
                    .append(esc(g.text())).append(" _(affects ").append(esc(g.affects())).append(")_\n");
        }
        md.append("\n_").append(v.disclaimer()).append(" Rulebase ").append(v.rulebase().version()).append(", sha256 `")
                .append(v.rulebase().sha256()).append("`; as of ").append(v.asOf()).append("; jurisdiction ")
                .append(v.jurisdiction()).append("._\n\n");
    }

    private static void fact(StringBuilder md, String prefix, ReportView.Fact f) {
        md.append("- ").append(prefix.isEmpty() ? "" : "**" + prefix.strip() + "** ").append(esc(f.text())).append(cites(f.cites()))
                .append(f.rule() == null ? "" : " `" + f.rule() + "`").append(sources(f.sources())).append("\n");
    }

    private static void point(StringBuilder md, ReportView.Point p) {
        md.append("- ").append(p.mark()).append(" (").append(p.markWord()).append(", ").append(p.kind()).append(") ");
        if (p.link() != null) md.append('[').append(esc(p.text())).append("](#").append(p.link()).append(')');
        else md.append(esc(p.text()));
        md.append(cites(p.cites())).append(" `").append(p.rule()).append('`').append(sources(p.sources())).append("\n");
    }

    private static String cites(List<ReportView.Cite> cites) {
        if (cites.isEmpty()) return "";
        return " [" + cites.stream().map(c -> "[" + c.id() + "](#" + c.anchor() + ")").collect(Collectors.joining(", ")) + "]";
    }

    private static String sources(List<ReportView.Source> s) {
        return s.isEmpty() ? "" : " _(data: " + esc(s.stream().map(ReportView.Source::printed).collect(Collectors.joining("; "))) + ")_";
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;");
    }
}
