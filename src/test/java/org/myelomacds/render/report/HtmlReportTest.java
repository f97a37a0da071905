package org.myelomacds.render.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.engine.CompileMode;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {
    private static final Path DARA = Samples.samplesDir().resolve("rrmm-prior-dara-short-washout.json");

    static Stream<Path> bundles() { return Samples.bundles().stream(); }

    private static Assessment assess(Path bundle, Jurisdiction j) {
        return Samples.evaluate(bundle, j, CompileMode.EXECUTABLE_MODEL);
    }

    static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> all(Document d, String tag) {
        NodeList n = d.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < n.getLength(); i++) out.add((Element) n.item(i));
        return out;
    }

    private static Element byId(Document d, String id) {
        for (String tag : List.of("tr", "div", "section", "h2", "article")) {
            for (Element e : all(d, tag)) if (id.equals(e.getAttribute("id"))) return e;
        }
        return null;
    }

    @Test
    void washoutFlagNamesItsDaysAndItsCitationsResolveToEvidenceRows() throws Exception {
        String html = HtmlReport.render(assess(DARA, Jurisdiction.US));
        Document d = parse(html);
        Element flag = byId(d, "flag-ANTI_CD38_WASHOUT_SHORT-FLAG-WASHOUT-01");
        assertNotNull(flag, "the washout flag has its own anchor");
        String text = flag.getTextContent();
        assertTrue(text.contains("45 days since the last daratumumab dose on 2026-09-17"), text);
        assertTrue(text.contains("⚠ WARNING"), "severity in words and icon, not colour only: " + text);
        List<String> cited = new ArrayList<>();
        for (Element a : all(d, "a")) {
            if (isInside(a, flag) && a.getAttribute("href").startsWith("#ev-")) cited.add(a.getAttribute("href").substring(1));
        }
        assertEquals(List.of("ev-MIKHAEL21", "ev-NIJHOF16"), cited);
        for (String id : cited) {
            Element row = byId(d, id);
            assertNotNull(row, id + " has an evidence row");
            assertEquals("tr", row.getTagName());
            assertTrue(isInside(row, byId(d, "evidence")), id + " is in the evidence section");
        }
        assertTrue(byId(d, "ev-MIKHAEL21").getTextContent().contains("daratumumab"), "the row names the source");
    }

    static final Path MISSING_RENAL = Samples.samplesDir().resolve("rrmm-missing-renal.json");

    /** A line count the timeline could read either way is shown as undecided on the board, not as a bare number. */
    @Test
    void boardSaysWhenTheLineCountIsUndecided() throws Exception {
        Path undecided = Samples.projectDir().resolve("qa-bundles/sb-synthea-shape-vrd-then-len-progression.json");
        String text = byId(parse(HtmlReport.render(assess(undecided, Jurisdiction.US))), "board").getTextContent();
        assertTrue(text.contains("2 as placed, but the count is undecided: 1 to 2 lines"), text);
        // The setting names the range as well, not the count as placed alone (sweep-b R7).
        assertTrue(text.contains("Multiple myeloma after 1 to 2 prior lines of therapy, 2 as placed"), text);
        // Near miss: a sample whose lines are certain shows the plain count.
        String plain = byId(parse(HtmlReport.render(assess(MISSING_RENAL, Jurisdiction.US))), "board").getTextContent();
        assertFalse(plain.contains("count is undecided"), plain);
        assertFalse(plain.contains("as placed"), plain);
    }

    /**
     * The last line lists the disease status recorded after it even beyond the 60-day window: the progression 67 days
     * after the last Kd dose is why the patient is at the board (acceptance sweep A8).
     */
    @Test
    void lastLineListsTheProgressionRecordedAfterItsWindow() {
        Path late = Samples.projectDir().resolve("qa-bundles/s11a-b2-dpd-dara-sc-sparse-pom-dispenses.json");
        List<ReportView.LineRow> rows = ReportView.of(assess(late, Jurisdiction.US)).lines();
        ReportView.LineRow last = rows.get(rows.size() - 1);
        assertTrue(last.statusDuring().contains("2026-10-10 (after the line: more than 60 days after its end)"),
                last.statusDuring());
        // Near miss: an earlier line keeps its 60-day window; the later progressions belong to the lines after it.
        assertFalse(rows.get(0).statusDuring().contains("2026-10-10"), rows.get(0).statusDuring());
    }

    /**
     * Finding N6: an earlier line lists, in the same words as the last line, the progression after its 60-day window that
     * ended its response and opened the next line (DRd stopped 2024-06-10, progression 2024-08-29, DRd resumed
     * 2024-09-18), not "none recorded". Near miss: a progression after the next line started belongs to that line only.
     */
    @Test
    void anEarlierLineListsTheProgressionThatOpenedTheNextLine() {
        Path holiday = Samples.projectDir().resolve("qa-bundles/s18n-09-drd-holiday-100d-pd-inside-holiday-drd-resumed-pd-on-it.json");
        List<ReportView.LineRow> rows = ReportView.of(assess(holiday, Jurisdiction.US)).lines();
        assertEquals("progression 2024-08-29 (after the line: more than 60 days after its end)", rows.get(1).statusDuring());
        assertFalse(rows.get(1).statusDuring().contains("2026-08-10"), "the progression on line 3 is line 3's");
        assertFalse(rows.get(0).statusDuring().contains("2024-08-29"), "line 1 ended before line 2 started");
        assertEquals("progression 2026-08-10", rows.get(2).statusDuring());
    }

    @Test
    void boardSummaryOnPageOneNamesEveryOptionActionFlagAndDataGap() throws Exception {
        Assessment a = assess(MISSING_RENAL, Jurisdiction.US);
        List<String> actionCodes = a.flags().stream().filter(f -> !"INFO".equals(f.severity()))
                .map(org.myelomacds.assessment.Flag::code).distinct().toList();
        assertFalse(a.recommendations().isEmpty() || actionCodes.isEmpty() || a.dataGaps().isEmpty(),
                "the sample has options, warning flags and data gaps");
        Document d = parse(HtmlReport.render(a));
        Element board = byId(d, "board");
        assertNotNull(board, "the board sheet is a section of its own");
        String text = board.getTextContent();
        assertTrue(text.contains("Board summary: patient " + a.patient().id()), text);
        assertTrue(text.contains("top: " + a.recommendations().get(0).name()), "top regimen named: " + text);
        for (var r : a.recommendations()) assertTrue(text.contains(r.name()), r.name());
        for (var n : a.notRecommended()) assertTrue(text.contains(n.name()), "excluded " + n.name());
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        assertTrue(text.contains("Bottom line."), "the sheet opens with the bottom line: " + text);
        for (String code : actionCodes) assertTrue(lower.contains(org.myelomacds.render.FlagKinds.title(code).toLowerCase(java.util.Locale.ROOT)), "action flag " + code);
        for (var g : a.dataGaps()) assertTrue(lower.contains(g.code().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')), "data gap " + g.code());
        // Names, not codes: no flag code, gap code or regimen id in the sheet's text (the links keep them as anchors).
        Matcher code = Pattern.compile("\\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\\b").matcher(text);
        assertFalse(code.find(), "a code on the board sheet: " + (code.hitEnd() ? "" : code.group()));
        for (String part : List.of("Patient", "Prior lines", "Refractory to", "Anti-CD38", "Renal", "Lung",
                a.rulebase().sha256(), a.asOf(), Assessment.DISCLAIMER)) assertTrue(text.contains(part), part);

        // Every link on the sheet leads into the report: options to their section, cautions to their flag,
        // reasons to their evidence row, gaps to their row in section 5.
        Set<String> ids = new HashSet<>();
        Matcher id = Pattern.compile(" id=\"([^\"]+)\"").matcher(HtmlReport.render(a));
        while (id.find()) ids.add(id.group(1));
        List<String> hrefs = all(d, "a").stream().filter(x -> isInside(x, board)).map(x -> x.getAttribute("href")).toList();
        for (String h : hrefs) assertTrue(h.startsWith("#") && ids.contains(h.substring(1)), "board link " + h);
        for (var r : a.recommendations()) assertTrue(hrefs.contains("#option-" + r.regimen()), "links " + r.regimen());
        assertTrue(hrefs.stream().anyMatch(h -> h.startsWith("#ev-")), "a main reason links its citation");
        assertTrue(hrefs.stream().anyMatch(h -> h.startsWith("#flag-")), "a caution links its flag");
        assertTrue(hrefs.stream().anyMatch(h -> h.startsWith("#gap-")), "a gap links its row");
        Element optionsTable = all(d, "table").stream().filter(t -> List.of(t.getAttribute("class").split(" ")).contains("board-options")).findFirst().orElseThrow();
        assertTrue(optionsTable.getTextContent().contains("⚠ warning"), "cautions carry an icon and a word");
    }

    /** The board reads the action in full; the finding that explains it stays in section 4, after the same action. */
    @Test
    void beforeTheFirstDoseShowsEachFlagsActionInFull() throws Exception {
        Assessment a = assess(Samples.samplesDir().resolve("rrmm-copd.json"), Jurisdiction.US);
        var copd = a.flags().stream().filter(f -> f.code().equals("DARA_COPD_PROPHYLAXIS")).findFirst().orElseThrow();
        assertTrue(copd.action() != null && copd.action().length() > 120, "longer than the old 120-character cut: " + copd.action());

        String md = MarkdownReport.render(a);
        String sheet = md.substring(md.indexOf("**Concerns to discuss**"), md.indexOf("**Missing data that would change the answer**"));
        assertTrue(sheet.contains("[COPD: bronchodilator prophylaxis after daratumumab](#flag-DARA_COPD_PROPHYLAXIS-FLAG-PULM-01)"), sheet);
        assertTrue(sheet.contains(copd.action()), "the whole action: " + sheet);
        assertTrue(sheet.contains("(#flag-DARA_COPD_PROPHYLAXIS-FLAG-PULM-01) _(all daratumumab regimens)_"),
                "with its regimens, as a group when they are one: " + sheet);
        assertTrue(sheet.indexOf("**Before the first dose: routine tasks**") < sheet.indexOf("COPD: bronchodilator"),
                "the prophylaxis is a routine task, not a concern: " + sheet);
        // The warning's action in full, never its finding (informational routine tasks may be shortened to fit page 1).
        assertFalse(sheet.contains(copd.text().substring(0, 40)), "no finding: " + sheet);
        // The trial exclusions (CANDOR, APOLLO, SIRIUS) ask for the same thing: one line naming their regimens.
        assertEquals(1, sheet.split("Lung disease the trials excluded\\]", -1).length - 1, sheet);
        assertTrue(sheet.contains("Daratumumab + carfilzomib + dexamethasone"), sheet);

        String details = md.substring(md.indexOf("## 4. Action needed before the first dose"), md.indexOf("## 5. "));
        int action = details.indexOf("**Action:** " + copd.action());
        assertTrue(action > 0 && action < details.indexOf(copd.text().substring(0, 40)), "section 4: action, then the finding");

        Element board = byId(parse(HtmlReport.render(a)), "board");
        assertTrue(board.getTextContent().contains(copd.action()), "HTML sheet: " + board.getTextContent());
    }

    @Test
    void markdownStartsWithTheSameBoardSummaryAndItsLinksResolve() {
        Assessment a = assess(MISSING_RENAL, Jurisdiction.US);
        String md = MarkdownReport.render(a);
        int board = md.indexOf("## Board summary: patient " + a.patient().id());
        assertTrue(board > 0 && board < md.indexOf("## 1. The patient"), "board summary comes first");
        String sheet = md.substring(board, md.indexOf("## 1. The patient"));
        for (var r : a.recommendations()) assertTrue(sheet.contains(r.name()), r.name());
        assertTrue(sheet.contains("**Bottom line.** "), sheet);
        for (var f : a.flags()) if (!"INFO".equals(f.severity()))
            assertTrue(sheet.toLowerCase(java.util.Locale.ROOT).contains(org.myelomacds.render.FlagKinds.title(f.code()).toLowerCase(java.util.Locale.ROOT)), f.code());
        for (var g : a.dataGaps()) assertTrue(sheet.toLowerCase(java.util.Locale.ROOT).contains(g.code().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')), g.code());
        assertTrue(sheet.contains(a.rulebase().sha256()) && sheet.contains(Assessment.DISCLAIMER), "footer line");
        Matcher link = Pattern.compile("\\]\\(#([^)]+)\\)").matcher(md);
        int n = 0;
        while (link.find()) {
            n++;
            assertTrue(md.contains("<a id=\"" + link.group(1) + "\"></a>"), "dangling markdown link #" + link.group(1));
        }
        assertTrue(n > 0);
    }

    @Test
    void evidenceTableGivesTrialFieldsFromTheCatalogueAndSaysWhenOneIsMissing() throws Exception {
        Document d = parse(HtmlReport.render(assess(DARA, Jurisdiction.US)));
        String ikema = byId(d, "ev-IKEMA-L21").getTextContent();
        assertTrue(ikema.contains("Kd") && ikema.contains("0.531 (99% CI 0.318–0.889)"), ikema);
        assertTrue(ikema.contains("RRMM, 1–3 prior lines"), ikema);
        // No LVEF on file leaves the IKEMA population undecided, so no subgroup of it is credited to this patient...
        assertTrue(ikema.contains("none matched"), "no subgroup without the population: " + ikema);
        // ...while a patient inside it (rrmm-copd: LVEF 60 %, age 66) sees the subgroup that matches.
        String inside = byId(parse(HtmlReport.render(assess(Samples.samplesDir().resolve("rrmm-copd.json"), Jurisdiction.US))),
                "ev-IKEMA-L21").getTextContent();
        assertTrue(inside.contains("Age 66 matches the IKEMA subgroup aged 65 or more"), "the matching subgroup: " + inside);
        // A renal subgroup match names the subgroup and states the patient's value against the trial's bound.
        Document isaPd = parse(HtmlReport.render(assess(Samples.samplesDir().resolve("rrmm-isa-pd-candidate.json"), Jurisdiction.US)));
        String renal = byId(isaPd, "ev-ICARIA-L19").getTextContent();
        assertTrue(renal.contains("Renal-impairment subgroup of ICARIA-MM matches: eGFR 52 mL/min/1.73m² — ICARIA-MM renal subgroup: "
                + "eGFR < 60 mL/min/1.73m²; PFS HR 0.50"), renal);
        String apollo = byId(isaPd, "ev-APOLLO-LO21").getTextContent();
        assertTrue(apollo.contains("Renal subgroup of APOLLO matches: eGFR 52 mL/min/1.73m² standing in for creatinine clearance — "
                + "APOLLO renal subgroup: creatinine clearance ≤ 60 mL/min"), apollo);
        assertTrue(ikema.contains("10.1016/S0140-6736(21)00592-4"), ikema);
        boolean doiLink = all(d, "a").stream().anyMatch(a -> a.getAttribute("href").equals("https://doi.org/10.1016/S0140-6736(21)00592-4"));
        assertTrue(doiLink, "DOI is a link");
        // ICARIA-LO22 is the OS follow-up: the catalogue records no PFS hazard ratio for it.
        String icaria = byId(d, "ev-ICARIA-LO22").getTextContent();
        assertTrue(icaria.contains(ReportView.NOT_IN_CATALOGUE), icaria);
    }

    @Test
    void rankedOptionsShowWhyAndWhatArguesAgainstAndTheExcludedWhyNot() throws Exception {
        Document d = parse(HtmlReport.render(assess(DARA, Jurisdiction.US)));
        // Anti-CD38-refractory 45 days after the last dose, no LVEF on file: every anti-CD38 option scores alike, and
        // Isa-Kd's card says why its trial gives it nothing and what argues against it.
        String isaKd = byId(d, "option-ISA_KD").getTextContent();
        assertTrue(isaKd.contains("3. Isatuximab + carfilzomib + dexamethasone"), isaKd);
        assertTrue(isaKd.contains("Pivotal trial population undecided"), isaKd);
        assertTrue(isaKd.contains("Short anti-CD38 washout (under 90 days) (−20 points)"), isaKd);
        assertTrue(isaKd.contains("2027-06-14"), "the day the IRAKLIA washout is reached: " + isaKd);
        String excluded = byId(d, "excluded").getTextContent();
        assertTrue(excluded.contains("Daratumumab monotherapy"), excluded);
        assertTrue(excluded.contains("the US labels require at least 3 prior lines"), excluded);
    }

    @Test
    void timelineDrawsLinesExposureProgressionAndWashoutBandsWithATextAlternative() throws Exception {
        Document d = parse(HtmlReport.render(assess(DARA, Jurisdiction.US)));
        Element timeline = all(d, "svg").stream().filter(s -> s.getAttribute("class").equals("timeline-svg")).findFirst().orElseThrow();
        assertEquals(2, all(d, "polygon").stream().filter(p -> p.getAttribute("class").equals("prog") && isInside(p, timeline)).count(),
                "one marker per recorded progression");
        String desc = timeline.getElementsByTagName("desc").item(0).getTextContent();
        assertTrue(desc.contains("Line 1: lenalidomide, bortezomib, dexamethasone, 2021-05-03 to 2024-06-10"), desc);
        assertTrue(desc.contains("Progression on 2024-06-03, 2026-09-24"), desc);
        assertTrue(desc.contains("45 days before asOf 2026-11-01 (short washout)"), desc);
        Element washout = all(d, "svg").stream().filter(s -> s.getAttribute("class").equals("washout-svg")).findFirst().orElseThrow();
        String labels = washout.getTextContent();
        assertTrue(labels.contains("short, < 90 days") && labels.contains("intermediate, 90–179 days")
                && labels.contains("adequate, ≥ 180 days") && labels.contains("from 2027-03-16"), labels);
        assertTrue(timeline.getTextContent().contains("2024-01-01"), "ISO dates on the axis");
    }

    @Test
    void partialDatesArePrintedAsRecordedNotAsTheirFirstDay() throws Exception {
        Path month = Samples.samplesDir().resolve("rrmm-progression-month-only.json");
        Assessment a = assess(month, Jurisdiction.US);
        String html = HtmlReport.render(a);
        assertTrue(html.contains("progression 2026-10"), "the line's status lists the progression as recorded");
        assertTrue(html.contains("new therapy after progression in 2024-09"), "the line's reason names the month");
        assertFalse(html.contains("2026-10-01"), "a month is never shown as its first day");
        String md = MarkdownReport.render(a);
        assertTrue(md.contains("progression 2026-10") && !md.contains("2026-10-01"), md);
        Element timeline = all(parse(html), "svg").stream().filter(s -> s.getAttribute("class").equals("timeline-svg"))
                .findFirst().orElseThrow();
        String desc = timeline.getElementsByTagName("desc").item(0).getTextContent();
        assertTrue(desc.contains("Progression on 2024-09, 2026-10"), desc);
        // near miss: the same history with full dates prints the days and lists nothing as not placed
        String full = HtmlReport.render(assess(Samples.samplesDir().resolve("rrmm-salvage-after-post-transplant-progression.json"),
                Jurisdiction.US));
        assertTrue(full.contains("progression 2026-09-20"));
        assertFalse(full.contains("Not placed on the timeline"));
    }

    @Test
    void renalTrendIsDrawnOnlyWhenThereIsMoreThanOneResult() throws Exception {
        Document severe = parse(HtmlReport.render(assess(Samples.samplesDir().resolve("rrmm-renal-severe.json"), Jurisdiction.US)));
        List<Element> charts = all(severe, "svg").stream().filter(s -> s.getAttribute("class").equals("renal-svg")).toList();
        assertFalse(charts.isEmpty());
        assertTrue(charts.get(0).getTextContent().contains("mL/min"), "unit on the value axis");
        Document dara = parse(HtmlReport.render(assess(DARA, Jurisdiction.US)));
        assertTrue(all(dara, "svg").stream().noneMatch(s -> s.getAttribute("class").equals("renal-svg")), "one result: no trend");
    }

    @Test
    void bundleTextIsEscaped() {
        String html = HtmlReport.render(assess(DARA, Jurisdiction.US));
        assertFalse(html.contains("<script"), "no script in a report");
        assertTrue(html.contains("CKD-EPI 2021"));
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void everySampleRendersAsWellFormedSelfContainedAccessibleHtml(Path bundle) throws Exception {
        for (Jurisdiction j : Jurisdiction.values()) {
            Assessment a = assess(bundle, j);
            String html = HtmlReport.render(a);
            assertEquals(html, HtmlReport.render(assess(bundle, j)), "same input, same bytes");
            Document d = parse(html);

            Set<String> ids = new HashSet<>();
            Matcher id = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
            while (id.find()) assertTrue(ids.add(id.group(1)), "duplicate id " + id.group(1));
            Matcher href = Pattern.compile("href=\"#([^\"]*)\"").matcher(html);
            while (href.find()) assertTrue(ids.contains(href.group(1)), bundle + ": dangling anchor #" + href.group(1));

            assertFalse(Pattern.compile("src=\"(https?:)?//").matcher(html).find(), "nothing loaded from the network");
            assertTrue(all(d, "link").isEmpty() && all(d, "script").isEmpty() && all(d, "img").isEmpty(), "self-contained");
            assertFalse(html.contains("@import") || html.contains("url("), "no fetched CSS resources");

            assertEquals(1, all(d, "h1").size());
            int level = 1;
            for (Element h : headings(d)) {
                int l = h.getTagName().charAt(1) - '0';
                assertTrue(l <= level + 1, bundle + ": heading " + h.getTagName() + " '" + h.getTextContent() + "' skips a level");
                level = l;
            }
            for (Element t : all(d, "table")) assertEquals(1, t.getElementsByTagName("caption").getLength(), "table caption");
            for (Element th : all(d, "th")) assertFalse(th.getAttribute("scope").isEmpty(), "th scope: " + th.getTextContent());
            for (Element s : all(d, "svg")) {
                assertEquals(1, s.getElementsByTagName("title").getLength() - countNestedTitles(s), "svg title");
                assertEquals(1, s.getElementsByTagName("desc").getLength(), "svg desc");
            }
            assertTrue(html.contains(a.rulebase().sha256()) && html.contains(Assessment.DISCLAIMER), "footer");
            if (!a.findings().priorTherapy().lines().isEmpty()) {
                assertTrue(all(d, "svg").stream().anyMatch(s -> s.getAttribute("class").equals("timeline-svg")), "timeline");
            }
            // source addresses may hold dates in any form (".../2025/01/22/14/05/19/..."); the report's own text may not
            Matcher date = Pattern.compile("\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b").matcher(html.replaceAll("https?://[^\"<\\s]+", ""));
            assertFalse(date.find(), "ISO dates only");
        }
    }

    private static long countNestedTitles(Element svg) {
        long n = 0;
        NodeList titles = svg.getElementsByTagName("title");
        for (int i = 0; i < titles.getLength(); i++) if (titles.item(i).getParentNode() != svg) n++;
        return n;
    }

    private static List<Element> headings(Document d) {
        List<Element> out = new ArrayList<>();
        collect(d.getDocumentElement(), out);
        return out;
    }

    private static void collect(Element e, List<Element> out) {
        if (e.getTagName().matches("h[1-6]")) out.add(e);
        NodeList c = e.getChildNodes();
        for (int i = 0; i < c.getLength(); i++) if (c.item(i) instanceof Element child) collect(child, out);
    }

    private static boolean isInside(org.w3c.dom.Node n, org.w3c.dom.Node ancestor) {
        for (org.w3c.dom.Node p = n; p != null; p = p.getParentNode()) if (p == ancestor) return true;
        return false;
    }
}
