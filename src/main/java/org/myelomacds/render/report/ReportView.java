package org.myelomacds.render.report;

import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.DataGapItem;
import org.myelomacds.assessment.DerivedConcept;
import org.myelomacds.assessment.EvidenceRef;
import org.myelomacds.assessment.FactRef;
import org.myelomacds.assessment.Findings;
import org.myelomacds.assessment.Flag;
import org.myelomacds.assessment.NotRecommended;
import org.myelomacds.assessment.Recommendation;
import org.myelomacds.assessment.ScoreLine;
import org.myelomacds.assessment.Statement;
import org.myelomacds.assessment.TraceEntry;
import org.myelomacds.render.BottomLine;
import org.myelomacds.render.FlagKinds;
import org.myelomacds.facts.RefractoryWindow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the tumour-board report shows, arranged for reading: built from the Assessment alone, so the HTML, Markdown
 * and PDF reports and the case-review page print the same thing. It takes no clinical decision: it groups and
 * orders what the rules said (a regimen's met criteria under "why", its unmet ones, penalties and flags under
 * "against") and joins each citation to its evidence row.
 */
public record ReportView(
        String title,
        String patientId,
        String patientLine,
        String setting,
        String settingText,
        String asOf,
        String jurisdiction,
        String disclaimer,
        RulebaseLine rulebase,
        List<Fact> disease,
        List<LineRow> lines,
        List<Fact> otherTherapy,
        List<Fact> unplaced,
        List<Fact> refractoriness,
        List<ExposureRow> antiCd38,
        String antiCd38None,
        List<ExposureRow> otherExposures,
        Fact washout,
        List<RenalRow> renal,
        List<Fact> lung,
        List<Fact> otherFindings,
        List<String> notRead,
        Timeline timeline,
        List<RenalChart> renalCharts,
        List<Option> options,
        List<Excluded> excluded,
        List<FlagView> flags,
        List<GapView> gaps,
        List<EvidenceRow> evidence,
        String topOption,
        Board board) {

    /** Evidence rows of trials (those the catalogue gives a trial name), for the trial table. */
    public List<EvidenceRow> trials() { return evidence.stream().filter(EvidenceRow::isTrial).toList(); }

    /** The other cited sources: labels, reviews, safety communications, project policy. */
    public List<EvidenceRow> sources() { return evidence.stream().filter(e -> !e.isTrial()).toList(); }

    public record RulebaseLine(String version, String sha256, String mode) {}

    /** A citation as printed: the id and the anchor of its evidence row. */
    public record Cite(String id, String anchor) {}

    /** A fact reference with its date, as printed next to a statement. */
    public record Source(String reference, String date) {
        public String printed() { return reference + (date == null ? "" : " " + date); }
    }

    /** A finding in words, the rule and citations behind it where the trace names them, and the patient data. */
    public record Fact(String label, String text, String rule, List<Cite> cites, List<Source> sources) {}

    public record LineRow(int number, String start, String end, String drugs, boolean ongoing, boolean transplant,
                          String statusDuring, String reason, List<Source> sources) {}

    public record ExposureRow(String drug, String drugClass, String routes, String firstDose, String lastDose,
                              boolean ongoing, boolean refractory, boolean intolerant, List<Source> sources,
                              boolean refractoryUnknown, String stopEvident) {
        public ExposureRow(String drug, String drugClass, String routes, String firstDose, String lastDose,
                           boolean ongoing, boolean refractory, boolean intolerant, List<Source> sources,
                           boolean refractoryUnknown) {
            this(drug, drugClass, routes, firstDose, lastDose, ongoing, refractory, intolerant, sources, refractoryUnknown, null);
        }

        /**
         * "yes", "no", or "unknown" when a data gap leaves it undecided; "no" says why when the drug's records stopped
         * while its line went on (CDS-POLICY-LINEREFR-STOP-EVIDENT).
         */
        public String refractoryText() {
            return refractory ? "yes" : refractoryUnknown ? "unknown"
                    : stopEvident != null ? "no: stopped inside its line, judged by its own last dose (see Refractoriness)" : "no";
        }
    }

    public record RenalRow(String date, String metric, String value, String unit, String method, String renalBand,
                           String status, String text, String rule, List<Cite> cites, List<Source> sources) {}

    /** One line of a regimen's case: a criterion, a score component or a flag, with its rule, citations and data. */
    public record Point(String mark, String markWord, String kind, String text, String rule, List<Cite> cites,
                        List<Source> sources, String link) {}

    public record Option(int rank, String regimen, String name, String status, String statusWord, int score,
                         List<Point> why, List<Point> against, List<Point> scoreLines, String anchor) {}

    public record Excluded(String regimen, String name, String status, String statusWord, List<Point> reasons,
                           List<String> flagCodes) {}

    /** A flag as printed in full; {@code action} is null when the flag only informs. */
    public record FlagView(String anchor, String code, String severity, String icon, String action, String text, String rule,
                           List<Cite> cites, String regimens, List<Source> sources) {}

    /** {@code anchor} is unique in the page: gaps of one code from one rule (one per drug, say) get -2, -3… */
    public record GapView(String code, String text, String affects, String rule, List<Cite> cites, String anchor) {}

    /** A row of the evidence table; "not in catalogue" stands where rules/evidence.yaml has no such field. */
    public record EvidenceRow(String id, String anchor, String trial, String population, String comparator,
                              String pfsHr, String subgroups, String title, String citation, String doi,
                              String doiUrl, String url, String pmid, String verification, String section) {
        public boolean isTrial() { return !"—".equals(trial); }
    }

    /**
     * Page 1 of the report: the case on one sheet for the tumour board. Every line is copied or shortened from the
     * Assessment's own findings, statements, flags and gaps; the full section each row links to has the rest.
     */
    public record Board(String title, String bottomLine, String bottomLineRules, List<BoardFact> patient,
                        List<BoardOption> options, List<BoardExcluded> excluded, List<BoardAction> concerns,
                        List<BoardAction> doses, List<BoardAction> actions, List<GapView> gaps) {}

    /** A labelled line of the patient block. */
    public record BoardFact(String label, String text) {}

    /** A flag code as printed in the options table: icon and severity word with the code, linking to the flag. */
    public record Caution(String icon, String severity, String code, String title, String anchor) {}

    public record BoardOption(int rank, String regimen, String name, String statusWord, int score, String reason,
                              Cite reasonCite, List<Caution> cautions, String anchor) {}

    /**
     * The WARNING/CRITICAL flags of one code that ask for the same action, the regimens they apply to, and that action
     * in full. A flag without an action (the rulebase validator warns about those) shows its finding, shortened.
     */
    public record BoardAction(String icon, String severity, String code, String title, String anchor, String regimens, String text) {}

    public record BoardExcluded(String regimen, String name, String statusWord, String reason) {}

    /** Longest main reason or why-not on page 1; the full text is in the regimen's section. */
    static final int BOARD_TEXT = 90;
    /** Longest finding printed on page 1 for a flag that gives no action; actions are printed in full. */
    static final int BOARD_FINDING = 120;

    static final String NOT_IN_CATALOGUE = "not in catalogue";

    public static String anchor(String evidenceId) { return "ev-" + evidenceId; }

    public static ReportView of(Assessment a) {
        Findings f = a.findings();
        Map<DerivedConcept, Derivation> derivations = derivations(a.trace());

        List<Fact> disease = new ArrayList<>();
        if (f.setting() != null) disease.add(new Fact("Setting", f.setting().value() + ": " + f.setting().text(),
                derivation(derivations, DerivedConcept.DISEASE_SETTING), cites(derivations, DerivedConcept.DISEASE_SETTING), sources(f.setting().facts())));
        if (f.diagnoses() != null) for (Findings.Item d : f.diagnoses()) disease.add(item("Diagnosis", d, null, List.of()));
        if (f.transplantEligibility() != null) disease.add(item("Transplant eligibility", f.transplantEligibility(),
                derivation(derivations, DerivedConcept.TRANSPLANT_ELIGIBILITY), cites(derivations, DerivedConcept.TRANSPLANT_ELIGIBILITY)));

        // The first line still being given is not a prior line (DERIVE-SETTING-20): said beside the line table, which lists it.
        Findings.FirstLine underWay = f.priorTherapy().firstLineUnderWay();
        if (underWay != null) disease.add(new Fact("First line under way", "line " + underWay.line() + " of the table below"
                + " is first-line therapy still being given, not a completed prior line (" + underWay.text()
                + "); prior lines: none", underWay.rule(), cites(derivations, DerivedConcept.DISEASE_SETTING), List.of()));

        // Whether relapse after the last line is documented, and every signal the record carries (rules/derive/relapse.drl).
        if (f.relapse() != null) {
            Findings.Relapse r = f.relapse();
            disease.add(new Fact("Relapse after the last line", word(r.status()) + ": " + r.text(),
                    derivation(derivations, DerivedConcept.RELAPSE_STATUS), cites(derivations, DerivedConcept.RELAPSE_STATUS), sources(r.facts())));
            for (Findings.RelapseSignal s : r.signals()) {
                String reading = switch (s.reading()) {
                    case "RELAPSE" -> "relapse";
                    case "REMISSION" -> "remission";
                    case "NO_PROGRESSION" -> "no progression";
                    case "POSSIBLE_RELAPSE" -> "possible relapse (the record does not settle it)";
                    case "UNREADABLE_ASSESSMENT" -> "assessment not read (not final)";
                    case "CODED_BEFORE_LAST_LINE" -> "earlier relapse (coded before the last line started)";
                    case "UNDATED_CODING" -> "relapse coded without a date (before or after the last line, the record does not say)";
                    default -> "relapse or intolerance (not recorded which)";
                };
                disease.add(new Fact("Relapse signal", reading + ", from " + word(s.source()) + ": " + s.text(), null,
                        List.of(), sources(s.facts())));
            }
        }

        List<Findings.StatusEvent> events = f.diseaseStatus() == null ? List.of() : f.diseaseStatus();
        List<LineRow> lines = new ArrayList<>();
        List<Findings.Line> priorLines = f.priorTherapy().lines();
        for (Findings.Line l : priorLines) {
            LocalDate start = LocalDate.parse(l.start());
            // A line whose end is unknown (CDS-POLICY-UNKNOWN-END, -DATE-ASSERTED) may have run to its latest end.
            LocalDate recordedEnd = LocalDate.parse(l.endLatest() != null ? l.endLatest() : l.end());
            // A line charted once per cycle ended some day from its last charted dose to the day before the next cycle
            // would have begun (CDS-POLICY-CYCLE-CHARTED-ORAL): the window counts from the latest of them, and a
            // progression beyond the earliest only is given as the interval of days (FINDINGS O4).
            LocalDate end = l.lastDoseLatest() != null ? LocalDate.parse(l.lastDoseLatest()) : recordedEnd;
            // Assessments dated from the line's start to RefractoryWindow.DAYS (60) days after its end: the IMWG window
            // within which a progression is attributed to the line (§1.2). Listed as recorded, never interpreted as a
            // best response; a partial date ("2026-07") is listed with the line when some day of it falls in the window.
            // The last line also lists what was recorded after that window: the progression that brings the patient
            // to the board may come later than the window, and the table must not say "none recorded" above it. An
            // earlier line lists, in the same words, a progression after that window and before the next line started:
            // the one that ended its response (and opened the next line).
            int index = priorLines.indexOf(l);
            boolean last = index == priorLines.size() - 1;
            LocalDate nextStart = last ? null : LocalDate.parse(priorLines.get(index + 1).start());
            String during = events.stream().filter(e -> {
                LocalDate d = LocalDate.parse(e.date());
                if (d.isBefore(start)) return false;
                if (last || !d.isAfter(end.plusDays(WINDOW_DAYS))) return true;
                return "PROGRESSION".equals(e.status()) && d.isBefore(nextStart);
            }).map(e -> statusWords(e) + " " + e.dateText()
                    + (l.ongoing() ? "" : afterTheLine(LocalDate.parse(e.date()), recordedEnd, end))
                    // CDS-POLICY-FIRST-DOSE-DAY-PROGRESSION: not a progression on the line
                    + ("PROGRESSION".equals(e.status()) && e.derivation() == null && e.recorded() == null
                            && LocalDate.parse(e.date()).equals(start)
                            ? " (the line's first day: the progression it was begun for, not one on it)" : ""))
                    .collect(Collectors.joining("; "));
            List<String> given = new ArrayList<>(l.drugs().stream().map(d -> lineDrug(l, d)).toList());
            // The transplant's kind as the findings state it: autologous, allogeneic, or not recorded.
            if (l.transplants() != null) for (String kind : l.transplants()) given.add(switch (kind) {
                case "AUTOLOGOUS" -> "autologous stem-cell transplant";
                case "ALLOGENEIC" -> "allogeneic stem-cell transplant";
                default -> "stem-cell transplant (kind not recorded)";
            });
            lines.add(new LineRow(l.number(), l.startText(), l.ongoing() ? "ongoing"
                            // the end as an interval, in the words a partial date is printed in (PartialDateText)
                            : l.lastDoseLatest() != null ? "between " + l.endText() + " and " + l.lastDoseLatest() : l.endText(),
                    String.join(", ", given), l.ongoing(),
                    l.includesTransplant(), during.isEmpty() ? "none recorded" : during, l.reason(), sources(l.facts())));
        }

        // Records that are not lines of myeloma therapy, each with the rule that set it apart (CDS-POLICY-OTHER-THERAPY).
        List<Fact> otherTherapy = new ArrayList<>();
        if (f.priorTherapy().otherTherapy() != null) for (Findings.OtherTherapy o : f.priorTherapy().otherTherapy()) {
            String dates = o.start() == null ? "undated" : o.end() == null || o.end().equals(o.start()) ? o.start()
                    : o.start() + " to " + o.end();
            otherTherapy.add(new Fact(o.exposure() ? "Exposure, not a line" : "Other therapy",
                    (o.drug() == null ? transplantWords(o.transplant())
                            // Described by what the drug is, not by how its record was decided: rituximab given for a
                            // stated lymphoma is still an antineoplastic with no use in myeloma (sweep s19 X5).
                            : o.recordedName() != null ? o.recordedName() + (o.noMyelomaUse()
                                    ? " (an antineoplastic with no use in myeloma)" : " (a drug the catalogue does not list)")
                            : drug(o.drug())) + " (" + dates + "): " + o.reason(),
                    o.decidedBy() + " (CDS-POLICY-OTHER-THERAPY)", List.of(), sources(o.facts())));
        }

        // What the timeline read but could not place, and why the line count may be other than the table shows.
        List<Fact> unplaced = new ArrayList<>();
        if (f.priorTherapy().linesUndecided() != null) unplaced.add(new Fact("Lines undecided",
                Character.toUpperCase(f.priorTherapy().linesUndecided().charAt(0)) + f.priorTherapy().linesUndecided().substring(1)
                        + "; the table shows the lines as placed (each partial date on its first day, each record"
                        + " without an end on its date, each therapy that joined a line by a window in that line)",
                null, List.of(), List.of()));
        if (f.priorTherapy().unplaced() != null) for (Findings.Item u : f.priorTherapy().unplaced()) {
            unplaced.add(new Fact("Not placed", u.text(), null, List.of(), sources(u.facts())));
        }

        List<Fact> refractoriness = new ArrayList<>();
        // Each with the rule that decided it (the drug's own course or its line), when the finding names it.
        for (Findings.Item r : f.refractoriness()) refractoriness.add(item("Refractory", r,
                r.rule() != null ? r.rule() : derivation(derivations, DerivedConcept.REFRACTORINESS),
                r.evidence() != null ? cites(r.evidence()) : cites(derivations, DerivedConcept.REFRACTORINESS)));
        // A drug judged by its own last dose because its records stopped while its line went on says why.
        for (Findings.Exposure e : f.exposures()) {
            if (e.stopEvident() == null) continue;
            refractoriness.add(new Fact("Stopped inside its line", e.stopEvident(), null,
                    cites(e.stopEvidentSources()), sources(e.facts())));
        }
        // By drug class, then the composite labels (rules/derive/drug-classes.drl): descriptive, each with its own rules.
        if (f.drugClasses() != null) for (Findings.DrugClassStatus c : f.drugClasses()) refractoriness.add(new Fact(
                "Drug class", DrugClassWords.classLine(c), String.join(", ", c.rules()), cites(c.evidence()), sources(c.facts())));
        if (f.classLabels() != null) for (Findings.ClassLabel l : f.classLabels()) refractoriness.add(new Fact(
                "Class label", DrugClassWords.labelLine(l), l.rule(), cites(l.evidence()), sources(l.facts())));
        if (f.classLabels() != null) refractoriness.add(new Fact("Class label", DrugClassWords.NOT_DERIVED, null, List.of(), List.of()));

        List<ExposureRow> antiCd38 = new ArrayList<>(), other = new ArrayList<>();
        for (Findings.Exposure e : f.exposures()) {
            ExposureRow row = new ExposureRow(drug(e.drug()), word(e.drugClass()),
                    e.routes().stream().map(ReportView::word).collect(Collectors.joining(", ")),
                    e.undated() ? "unknown (no date recorded)" : e.firstDose(),
                    lastDoseText(e), e.ongoing(), e.refractory(), e.intolerant(), sources(e.facts()),
                    e.refractoryUnknown(), e.stopEvident());
            if ("ANTI_CD38".equals(e.drugClass())) antiCd38.add(row); else other.add(row);
        }
        Fact washout = f.antiCd38Washout() == null ? null : new Fact("Anti-CD38 washout",
                f.antiCd38Washout().text() + " (" + word(f.antiCd38Washout().band()) + " washout band)",
                derivation(derivations, DerivedConcept.ANTI_CD38_WASHOUT), cites(derivations, DerivedConcept.ANTI_CD38_WASHOUT),
                sources(f.antiCd38Washout().facts()));

        List<RenalRow> renal = new ArrayList<>();
        for (Findings.Renal r : f.renal()) {
            renal.add(new RenalRow(r.date(), "EGFR".equals(r.metric()) ? "eGFR" : "Creatinine clearance", r.valueText(ReportView::number),
                    r.unit(), r.method() == null ? "" : r.method(), r.category() == null ? "" : word(r.category()),
                    (r.current() ? "current" : "earlier") + (r.stale() ? ", stale" : "") + (r.computed() ? ", computed" : ""),
                    r.text(), r.current() ? derivation(derivations, DerivedConcept.RENAL_FUNCTION) : null,
                    r.current() ? cites(derivations, DerivedConcept.RENAL_FUNCTION) : List.of(), sources(r.facts())));
        }
        List<Fact> lung = new ArrayList<>();
        for (Findings.Item p : f.pulmonary()) lung.add(item("Lung", p, null, List.of()));
        List<Fact> otherFindings = new ArrayList<>();
        for (Findings.Item o : f.otherConditions()) otherFindings.add(item("Condition", o, null, List.of()));
        for (Findings.Item l : f.labs()) otherFindings.add(item("Result", l, null, List.of()));
        for (Findings.Item al : f.allergies()) otherFindings.add(item("Allergy", al, null, List.of()));
        List<String> notRead = new ArrayList<>();
        if (f.unreadable() != null) notRead.addAll(f.unreadable());
        if (f.unrecognised() != null) f.unrecognised().forEach(u -> notRead.add("Not recognised: " + u.text()));
        if (f.skippedResources() != null) f.skippedResources().forEach((type, n) ->
                notRead.add(n + " " + type + " resource(s) not read by this engine"));

        Map<String, String> flagAnchors = new LinkedHashMap<>();
        List<FlagView> flags = new ArrayList<>();
        for (Flag fl : a.flags()) {
            String anchor = flagAnchor(fl);
            flagAnchors.putIfAbsent(fl.code() + "\u0000" + fl.rule(), anchor);
            flags.add(new FlagView(anchor, fl.code(), fl.severity(), icon(fl.severity()), fl.action(), fl.text(), fl.rule(),
                    cites(fl.evidence()), String.join(", ", fl.regimens()), sources(fl.facts())));
        }

        Map<String, Set<String>> subgroups = new TreeMap<>();
        List<Option> options = new ArrayList<>();
        for (Recommendation r : a.recommendations()) {
            List<Point> why = new ArrayList<>(), against = new ArrayList<>(), score = new ArrayList<>();
            Set<String> trialIds = new TreeSet<>();
            for (Statement s : r.rationale()) {
                Point p = point(s);
                if ("MET".equals(s.outcome())) {
                    why.add(p);
                    if ("TRIAL_POPULATION".equals(s.kind())) trialIds.addAll(s.evidence());
                } else {
                    against.add(p);
                }
            }
            for (ScoreLine sl : r.scoreComponents()) {
                score.add(new Point(sl.points() >= 0 ? "+" : "−", sl.points() >= 0 ? "adds" : "subtracts",
                        "score", (sl.points() >= 0 ? "+" : "−") + Math.abs(sl.points()) + " " + sl.label(), sl.rule(),
                        cites(sl.evidence()), List.of(), null));
                if (sl.points() < 0) against.add(new Point("−", "penalty", "ranking",
                        sl.label() + " (−" + Math.abs(sl.points()) + " points)", sl.rule(), cites(sl.evidence()), List.of(), null));
                if (sl.concept() == DerivedConcept.TRIAL_SUBGROUP) {
                    for (String id : trialIds) subgroups.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(sl.label());
                    for (String id : sl.evidence()) subgroups.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(sl.label());
                }
            }
            for (Flag fl : r.flags()) {
                if ("INFO".equals(fl.severity())) continue;
                against.add(new Point(icon(fl.severity()), word(fl.severity()), "flag", "flag " + fl.code()
                        + " (see section 4, before the first dose)", fl.rule(), cites(fl.evidence()),
                        List.of(), flagAnchors.get(fl.code() + "\u0000" + fl.rule())));
            }
            options.add(new Option(r.rank(), r.regimen(), r.name(), r.status(), word(r.status()), r.score(), why, against,
                    score, "option-" + r.regimen()));
        }

        List<Excluded> excluded = new ArrayList<>();
        for (NotRecommended n : a.notRecommended()) {
            excluded.add(new Excluded(n.regimen(), n.name(), n.status(), word(n.status()),
                    n.reasons().stream().map(ReportView::point).toList(),
                    n.flags().stream().filter(fl -> !"INFO".equals(fl.severity())).map(Flag::code).distinct().toList()));
        }

        List<GapView> gaps = new ArrayList<>();
        Map<String, Integer> gapAnchors = new java.util.HashMap<>();
        for (DataGapItem g : a.dataGaps()) {
            String base = "gap-" + g.code() + "-" + g.rule();
            int n = gapAnchors.merge(base, 1, Integer::sum);
            gaps.add(new GapView(g.code(), g.text(), g.wouldAffect().isEmpty() ? "all regimens" : regimenGroup(a, g.wouldAffect()),
                    g.rule(), cites(g.evidence()), n == 1 ? base : base + "-" + n));
        }

        List<EvidenceRow> evidence = new ArrayList<>();
        for (Map.Entry<String, EvidenceRef> e : a.evidence().entrySet()) {
            EvidenceRef r = e.getValue();
            boolean trial = r.trial() != null;
            Set<String> sg = subgroups.getOrDefault(e.getKey(), Set.of());
            evidence.add(new EvidenceRow(e.getKey(), anchor(e.getKey()),
                    trial ? r.trial() : "—",
                    or(r.population(), trial), or(r.comparator(), trial), or(r.pfsHr(), trial),
                    sg.isEmpty() ? (trial ? "none matched" : "—") : String.join("; ", sg),
                    r.title(), r.citation(), r.doi(), r.doi() == null ? null : "https://doi.org/" + r.doi(),
                    r.doi() == null ? r.url() : null, r.pmid(), r.verification(), r.summarySection()));
        }

        Assessment.PatientSummary p = a.patient();
        String patientLine = p.id() + ", " + (p.age() == null ? "age unknown" : p.ageWords() + " years") + ", "
                + (p.sex() == null ? "sex unknown" : p.sex().toLowerCase(Locale.ROOT));
        String top = a.recommendations().isEmpty() ? "none eligible" : a.recommendations().get(0).name();
        return new ReportView("Tumour-board report: patient " + p.id(), p.id(), patientLine, a.setting(),
                f.setting() == null ? "Setting not determined" : f.setting().text(), a.asOf(), a.jurisdiction(),
                a.disclaimer(), new RulebaseLine(a.rulebase().version(), a.rulebase().sha256(), a.rulebase().mode()),
                disease, lines, otherTherapy, unplaced, refractoriness, antiCd38, antiCd38NoneSentence(f), other, washout, renal, lung, otherFindings, notRead,
                Timeline.of(a), RenalChart.of(f.renal()), options, excluded, flags, gaps, evidence, top,
                board(a, patientLine, lines, antiCd38, washout, renal, lung, flags, flagAnchors, gaps));
    }

    /**
     * The anti-CD38 antibodies a blinded study product may have been, each with its last record ("daratumumab (blinded
     * study product, last record 2026-06-04)"), from the anti-CD38 class finding (CDS-POLICY-BLINDED-STUDY-DRUG); null
     * when there are none. With no anti-CD38 antibody recorded as given, "no exposure recorded" would contradict the
     * class row's "exposure unknown" and the undecided-refractoriness caution beside it (QA sweep L7).
     */
    static String antiCd38PossiblyGiven(Findings f) {
        if (f.drugClasses() == null) return null;
        List<String> out = f.drugClasses().stream()
                .filter(c -> "ANTI_CD38".equals(c.drugClass()) && c.possiblyGiven() != null)
                .flatMap(c -> c.possiblyGiven().stream())
                .map(g -> drug(g.drug()) + " (" + g.reason() + (g.lastRecord() == null ? "" : ", last record " + g.lastRecord()) + ")")
                .toList();
        return out.isEmpty() ? null : String.join("; ", out);
    }

    /** The report's sentence when no anti-CD38 exposure is listed (the section and the timeline's text). */
    static String antiCd38NoneSentence(Findings f) {
        String possible = antiCd38PossiblyGiven(f);
        if (possible == null && UnnamedTherapyWords.antiCd38Possibly(f) != null) {
            return "Anti-CD38 antibody possibly given: " + UnnamedTherapyWords.antiCd38Possibly(f)
                    + " may have been one: exposure and washout undecided.";
        }
        return possible == null ? "No anti-CD38 exposure recorded."
                : "Anti-CD38 antibody possibly given: " + possible + ": " + antiCd38PossiblyGivenUndecided(f) + ".";
    }

    /**
     * What the blinded anti-CD38 products leave undecided: "exposure and washout undecided", or, when the rules found the
     * washout the same whichever arm (DERIVE-WASHOUT-14: adequate if given, none if placebo), "exposure undecided; washout
     * adequate if it was given" (FINDINGS O7).
     */
    static String antiCd38PossiblyGivenUndecided(Findings f) {
        List<String> bands = f.drugClasses() == null ? List.of() : f.drugClasses().stream()
                .filter(c -> "ANTI_CD38".equals(c.drugClass()) && c.possiblyGiven() != null)
                .flatMap(c -> c.possiblyGiven().stream()).map(Findings.PossiblyGiven::washoutIfGiven).toList();
        boolean decided = !bands.isEmpty() && bands.stream().allMatch(java.util.Objects::nonNull)
                && bands.stream().distinct().count() == 1;
        return decided ? "exposure undecided; washout " + bands.get(0).toLowerCase(Locale.ROOT) + " if it was given"
                : "exposure and washout undecided";
    }

    private static Board board(Assessment a, String patientLine, List<LineRow> lines, List<ExposureRow> antiCd38,
                               Fact washout, List<RenalRow> renal, List<Fact> lung, List<FlagView> flags,
                               Map<String, String> flagAnchors, List<GapView> gaps) {
        Findings f = a.findings();
        List<BoardFact> patient = new ArrayList<>();
        patient.add(new BoardFact("Patient", patientLine));
        patient.add(new BoardFact("Setting", a.setting() + (f.setting() == null ? "" : " (" + f.setting().text() + ")")));
        // A count that depends on records the timeline could read either way is no count: say so beside the number.
        Findings.PriorTherapy p = f.priorTherapy();
        // The first line under way is on the timeline, not a prior line (DERIVE-SETTING-20): the row says so, with the
        // line's drugs and dates, instead of counting it (sweep s12 firstline F3).
        String count = p.firstLineUnderWay() != null ? "none; first-line therapy under way (not a prior line"
                        + (p.linesUndecided() == null ? ")" : "; which records form it is undecided, see \"Lines undecided\")")
                : p.linesUndecided() == null ? String.valueOf(lines.size())
                : lines.size() + " as placed, but the count is undecided" + (p.linesMin() == null ? ""
                        : ": " + p.linesMin() + " to " + p.linesMax() + " lines") + " (see \"Lines undecided\")";
        // Therapy the engine cannot name may be one more line per course (HISTORY-ELIG-03): a count it may raise is not
        // given as if it were whole (sweep s19 V3: "1" beside three years of an uncoded study drug after a progression).
        // Unnamed therapy the timeline placed inside a counted line adds none (sweep s19 X4): the hedge needs a course of it
        // in no placed line; where it stands, the Setting row (which states the count too) says it as well.
        boolean unnamed = UnnamedTherapyWords.mayAddLines(f, gaps.stream().map(GapView::code).toList());
        if (unnamed && p.firstLineUnderWay() == null && p.linesUndecided() == null) {
            count += " counted, and " + UnnamedTherapyWords.MAY_ADD_LINES + " (see the data gaps)";
            patient.set(1, new BoardFact("Setting", a.setting() + " (" + (f.setting() == null ? "" : f.setting().text() + "; ")
                    + UnnamedTherapyWords.MAY_ADD_LINES + ")"));
        }
        patient.add(new BoardFact("Prior lines", lines.isEmpty() ? "none recorded" : count + ": " + lines.stream()
                .map(l -> "L" + l.number() + " " + l.drugs() + " (" + l.start() + " to " + l.end() + ")")
                .collect(Collectors.joining("; "))));
        List<String> refractory = f.exposures().stream().filter(Findings.Exposure::refractory).map(e -> drug(e.drug())).distinct().toList();
        patient.add(new BoardFact("Refractory to", refractory.isEmpty() ? "none recorded" : String.join(", ", refractory)));
        String classes = DrugClassWords.boardLine(f);
        if (classes != null) patient.add(new BoardFact("Drug classes", classes));
        String cd38;
        String possible = antiCd38PossiblyGiven(f);
        if (antiCd38.isEmpty()) cd38 = possible != null ? "possibly given: " + possible + ": " + antiCd38PossiblyGivenUndecided(f)
                : UnnamedTherapyWords.antiCd38Possibly(f) != null ? "possibly given: " + UnnamedTherapyWords.antiCd38Possibly(f)
                        + " may have been an anti-CD38 antibody: exposure and washout undecided"
                : "no anti-CD38 exposure recorded";
        else {
            ExposureRow last = antiCd38.get(antiCd38.size() - 1);
            cd38 = antiCd38.stream().map(e -> e.drug() + " last dose " + e.lastDose()).collect(Collectors.joining("; "))
                    + (washout == null ? "" : "; washout " + washout.text());
            if (washout == null && last.ongoing()) cd38 += " (ongoing)";
        }
        patient.add(new BoardFact("Anti-CD38", cd38));
        RenalRow current = renal.stream().filter(r -> r.status().startsWith("current")).findFirst().orElse(null);
        patient.add(new BoardFact("Renal", current == null
                ? (renal.isEmpty() ? "unknown: no renal result recorded" : "no current result; latest " + renalText(renal.get(renal.size() - 1)))
                : renalText(current)));
        patient.add(new BoardFact("Lung", lung.isEmpty() ? "no COPD, asthma or spirometry recorded"
                : lung.stream().map(l -> shorten(l.text())).collect(Collectors.joining("; "))));

        // Regimens by name: the board speaks names, never ids.
        Map<String, String> names = new TreeMap<>();
        a.recommendations().forEach(r -> names.put(r.regimen(), r.name()));
        a.notRecommended().forEach(n -> names.put(n.regimen(), n.name()));
        List<BoardOption> options = new ArrayList<>();
        for (Recommendation r : a.recommendations()) {
            List<Caution> cautions = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            // The cautions column shows the concerns that bear on the choice, an unverified (INFO) one too: they are what
            // makes the status "eligible, with cautions". Routine tasks are in "Before the first dose".
            for (Flag fl : r.flags()) {
                if (FlagKinds.kind(fl) == FlagKinds.Kind.CONCERN && seen.add(fl.code()))
                    cautions.add(new Caution(icon(fl.severity()), word(fl.severity()), fl.code(), FlagKinds.title(fl.code()),
                            flagAnchors.get(fl.code() + "\u0000" + fl.rule())));
            }
            ScoreLine best = r.scoreComponents().stream().filter(l -> l.points() > 0).max(java.util.Comparator.comparingInt(ScoreLine::points)).orElse(null);
            options.add(new BoardOption(r.rank(), r.regimen(), r.name(), FlagKinds.statusWords(r.status(), r.flags()), r.score(),
                    shorten(BottomLine.mainReason(r, names)),
                    best == null || best.evidence().isEmpty() ? null : cites(best.evidence()).get(0),
                    cautions, "option-" + r.regimen()));
        }
        List<BoardExcluded> excluded = new ArrayList<>();
        for (NotRecommended n : a.notRecommended()) {
            excluded.add(new BoardExcluded(n.regimen(), n.name(), FlagKinds.statusWords(n.status(), n.flags()),
                    n.reasons().isEmpty() ? "no reason recorded" : shorten(BottomLine.plain(n.reasons().get(0).text(), names), 75)));
        }
        // One line per code and action: the same caution raised for several regimens (one flag each, often by one rule
        // per regimen's trial) is one thing to do; a code whose rules ask for different things gets a line for each.
        // Concerns (warning and critical) are what the choice hinges on; doses and the routine tasks before the first
        // dose follow, whatever their severity (a dexamethasone reduction is INFO but belongs on page 1). A line about
        // regimens that are all excluded on this sheet is left to section 4.
        Set<String> ranked = new TreeSet<>();
        a.recommendations().forEach(r -> ranked.add(r.regimen()));
        Map<String, List<FlagView>> byAction = new LinkedHashMap<>();
        for (FlagView fl : flags) {
            FlagKinds.Kind kind = FlagKinds.kind(fl.code(), fl.severity(), fl.action() != null);
            if (kind == FlagKinds.Kind.NOTE || (kind == FlagKinds.Kind.CONCERN && "INFO".equals(fl.severity()))) continue;
            String key = fl.code() + "\u0000" + (fl.action() == null ? "" : fl.action());
            byAction.computeIfAbsent(key, k -> new ArrayList<>()).add(fl);
        }
        List<BoardAction> concerns = new ArrayList<>();
        List<BoardAction> doses = new ArrayList<>();
        List<BoardAction> actions = new ArrayList<>();
        for (List<FlagView> same : byAction.values()) {
            FlagView first = same.stream().filter(fl -> "CRITICAL".equals(fl.severity())).findFirst().orElse(same.get(0));
            List<String> regimens = same.stream().flatMap(fl -> Arrays.stream(fl.regimens().split(", "))).filter(r -> !r.isEmpty())
                    .distinct().sorted().toList();
            if (!ranked.isEmpty() && !regimens.isEmpty() && regimens.stream().noneMatch(ranked::contains)) continue;
            BoardAction line = new BoardAction(first.icon(), first.severity(), first.code(), capitalise(FlagKinds.title(first.code())),
                    first.anchor(), regimenGroup(a, regimens),
                    first.action() == null ? shorten(BottomLine.plain(first.text(), names), BOARD_FINDING)
                            // Informational routine tasks (counselling, monitoring) are shortened to fit page 1; warnings,
                            // concerns and doses are printed in full.
                            : "INFO".equals(first.severity()) && !FlagKinds.isDose(first.code())
                                    && FlagKinds.kind(first.code(), first.severity(), true) == FlagKinds.Kind.TO_DO
                                    ? shorten(BottomLine.plain(first.action(), names), BOARD_FINDING) : BottomLine.plain(first.action(), names));
            FlagKinds.Kind kind = FlagKinds.kind(first.code(), first.severity(), first.action() != null);
            if (kind == FlagKinds.Kind.CONCERN) concerns.add(line);
            else if (FlagKinds.isDose(first.code())) doses.add(line);
            else actions.add(line);
        }
        BottomLine bottom = BottomLine.of(a, names);
        return new Board("Board summary: patient " + a.patient().id(), bottom.text(), String.join(", ", new TreeSet<>(bottom.rules())),
                patient, options, excluded, concerns, doses, actions, gaps);
    }

    /**
     * The regimens a board line applies to, named as a group when they are one ("all daratumumab regimens"), so that
     * the line's room goes to the action. Groups are read from the regimen names the Assessment carries.
     */
    static String regimenGroup(Assessment a, List<String> ids) {
        Map<String, String> names = new TreeMap<>();
        a.recommendations().forEach(r -> names.put(r.regimen(), r.name()));
        a.notRecommended().forEach(n -> names.put(n.regimen(), n.name()));
        Set<String> given = new TreeSet<>(ids);
        if (given.isEmpty() || given.equals(names.keySet())) return "all regimens";
        for (String antibody : List.of("Daratumumab", "Isatuximab")) {
            Set<String> family = new TreeSet<>();
            names.forEach((id, name) -> { if (name.startsWith(antibody)) family.add(id); });
            if (family.size() > 1 && given.equals(family)) return "all " + antibody.toLowerCase(Locale.ROOT) + " regimens";
        }
        return ids.stream().map(id -> names.getOrDefault(id, id)).collect(Collectors.joining(", "));
    }

    private static String renalText(RenalRow r) {
        return r.metric() + " " + r.value() + " " + r.unit() + " on " + r.date()
                + (r.method().isEmpty() ? "" : ", " + r.method()) + (r.renalBand().isEmpty() ? "" : ", " + r.renalBand())
                + (r.status().contains("stale") ? ", stale" : "");
    }

    /** The text cut at a word before {@link #BOARD_TEXT} characters, with an ellipsis saying it was cut. */
    static String shorten(String text) { return shorten(text, BOARD_TEXT); }

    static String shorten(String text, int max) {
        if (text == null) return "";
        String t = text.strip();
        if (t.length() <= max) return t;
        int cut = t.lastIndexOf(' ', max - 1);
        return t.substring(0, cut > max / 2 ? cut : max - 1).replaceAll("[,;:.]$", "") + "…";
    }

    private static String or(String v, boolean trial) { return v != null ? v : trial ? NOT_IN_CATALOGUE : "—"; }

    private static Fact item(String label, Findings.Item i, String rule, List<Cite> cites) {
        return new Fact(label, i.text() == null ? i.value() : i.text(), rule, cites, sources(i.facts()));
    }

    /** The rule behind a finding and its citations. */
    private record Derivation(String rule, List<String> evidence) {}

    /**
     * For each derived concept, the rule that derived it: of the fired rules declaring the concept (@concept in the
     * DRL) whose firing still holds, the first by rule id — a stable choice when several rules of a concept fired in
     * one evaluation. A withdrawn firing derived nothing the result shows, so it is never named.
     */
    private static Map<DerivedConcept, Derivation> derivations(List<TraceEntry> trace) {
        Map<DerivedConcept, Derivation> out = new java.util.EnumMap<>(DerivedConcept.class);
        for (TraceEntry t : trace) {
            if (t.concept() == null || !t.inEffect()) continue;
            Derivation d = out.get(t.concept());
            if (d == null || t.rule().compareTo(d.rule()) < 0) out.put(t.concept(), new Derivation(t.rule(), t.evidence()));
        }
        return out;
    }

    private static String derivation(Map<DerivedConcept, Derivation> derivations, DerivedConcept concept) {
        Derivation d = derivations.get(concept);
        return d == null ? null : d.rule();
    }

    private static List<Cite> cites(Map<DerivedConcept, Derivation> derivations, DerivedConcept concept) {
        Derivation d = derivations.get(concept);
        return d == null ? List.of() : cites(d.evidence());
    }

    static List<Cite> cites(List<String> ids) {
        return ids.stream().distinct().map(id -> new Cite(id, anchor(id))).toList();
    }

    static List<Source> sources(List<FactRef> facts) {
        return SourceList.of(facts);
    }

    private static Point point(Statement s) {
        String mark = switch (s.outcome()) {
            case "MET" -> "✔";
            case "FAILED" -> "✘";
            default -> "?";
        };
        String word = switch (s.outcome()) {
            case "MET" -> "met";
            case "FAILED" -> "not met";
            default -> "unknown";
        };
        String kind = "TRIAL_POPULATION".equals(s.kind()) ? "trial population" : word(s.kind());
        return new Point(mark, word, kind, s.text(), s.rule(), cites(s.evidence()), sources(s.facts()), null);
    }

    static String flagAnchor(Flag f) { return "flag-" + f.code() + "-" + f.rule(); }

    static String icon(String severity) {
        return switch (severity) {
            case "CRITICAL" -> "⛔";
            case "WARNING" -> "⚠";
            default -> "ℹ";
        };
    }

    /** An enum-like code in words: ELIGIBLE_WITH_CAUTIONS → "eligible with cautions". */
    /**
     * The last dose as the record gives it: with its precision when a partial date placed it ("2026-07, placed on
     * 2026-07-31"), and as the earliest possible day when the records do not say when the drug stopped ("2021-02-01 or
     * later: an unknown day by 2026-11-01"), so the table never shows a placed or earliest day as the known last dose.
     */
    static String lastDoseText(Findings.Exposure e) {
        if (e.ongoing()) return "ongoing";
        if (e.undated()) return "unknown (no date recorded)";
        if (e.lastDoseUnknown() != null) return e.lastDose() + " or later: " + e.lastDoseUnknown();
        if (e.lastDoseRecorded() != null) return e.lastDoseRecorded() + ", placed on " + e.lastDose();
        return e.lastDose();
    }

    static String word(String code) {
        return code == null ? "" : code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String drug(String code) { return word(code); }
    /**
     * A drug of a line as the line gave it: a drug given only as a blinded study product is named as recorded,
     * "daratumumab or placebo (blinded)" (CDS-POLICY-BLINDED-STUDY-DRUG), never as given.
     */
    static String lineDrug(Findings.Line l, String code) { return drug(code) + (l.blinded(code) ? " or placebo (blinded)" : ""); }

    /** The IMWG refractory window (IMWG-C11, §1.2), the one figure the refractoriness rules read. */
    private static final int WINDOW_DAYS = RefractoryWindow.DAYS;

    /**
     * " (after the line: more than 60 days after its end)" for an assessment after the line's window, counted from its
     * latest end; " (after the line: 50 to 70 days after its end)" when the line's end is an interval (a line charted
     * once per cycle, from {@code earliestEnd} to {@code latestEnd}) and the assessment is beyond the window of its
     * earliest end only; empty inside the window.
     */
    static String afterTheLine(LocalDate day, LocalDate earliestEnd, LocalDate latestEnd) {
        if (day.isAfter(latestEnd.plusDays(WINDOW_DAYS))) {
            return " (after the line: more than " + WINDOW_DAYS + " days after its end)";
        }
        if (latestEnd.isAfter(earliestEnd) && day.isAfter(earliestEnd.plusDays(WINDOW_DAYS))) {
            return " (after the line: " + java.time.temporal.ChronoUnit.DAYS.between(latestEnd, day) + " to "
                    + java.time.temporal.ChronoUnit.DAYS.between(earliestEnd, day) + " days after its end)";
        }
        return "";
    }

    /**
     * A disease-status event as the line table names it. A progression the rules derived from the serum M-protein is
     * marked preliminary when it is possible only (an unconfirmed rise, results whose partial dates leave the order
     * open): no assessment was preliminary, so it reads "possible progression (serum M-protein rise, not confirmed)"
     * (sweep s11 RL4), not "preliminary progression".
     */
    static String statusWords(Findings.StatusEvent e) {
        if (e.derivation() == null) return word(e.status());
        // a dFLC rise (rules/derive/relapse.drl DERIVE-RELAPSE-51, -52) says so in its derivation's first word
        String source = e.derivation().startsWith("dFLC") ? "free-light-chain rise" : "serum M-protein rise";
        return e.status() != null && e.status().startsWith("PRELIMINARY_")
                ? "possible " + word(e.status().substring("PRELIMINARY_".length())) + " (" + source + ", not confirmed)"
                : word(e.status()) + " (" + source + ")";
    }

    /** A transplant's kind as findings print it (AUTOLOGOUS, ALLOGENEIC, UNKNOWN) in words. */
    static String transplantWords(String kind) {
        if ("AUTOLOGOUS".equals(kind)) return "autologous stem-cell transplant";
        if ("ALLOGENEIC".equals(kind)) return "allogeneic stem-cell transplant";
        return "stem-cell transplant";
    }

    static String capitalise(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
