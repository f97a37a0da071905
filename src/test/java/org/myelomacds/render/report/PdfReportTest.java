package org.myelomacds.render.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.engine.CompileMode;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfReportTest {
    static java.util.stream.Stream<java.nio.file.Path> bundles() { return Samples.bundles().stream(); }

    static String page(PDDocument doc, int n) throws java.io.IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(n);
        s.setEndPage(n);
        return s.getText(doc);
    }

    /**
     * The board sheet stands alone on page 1: the detailed sections begin on page 2, for every sample, in both
     * jurisdictions (their flags differ) and on both paper sizes (Letter is the shorter page).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("bundles")
    void boardSheetFitsOnTheFirstPage(java.nio.file.Path bundle) throws Exception {
        for (Jurisdiction j : Jurisdiction.values()) {
            Assessment a = Samples.evaluate(bundle, j, CompileMode.EXECUTABLE_MODEL);
            for (HtmlReport.Paper paper : HtmlReport.Paper.values()) {
                try (PDDocument doc = Loader.loadPDF(PdfReport.render(a, paper))) {
                    String first = page(doc, 1), second = page(doc, 2), where = bundle.getFileName() + " " + j + " " + paper;
                    assertTrue(first.contains("Board summary: patient " + a.patient().id()), where + ": " + first);
                    assertTrue(first.replaceAll("\\s+", "").contains(a.rulebase().sha256()), where + ": the sheet ends on page 1: " + first);
                    assertTrue(!first.contains("1. The patient") && second.contains("1. The patient"),
                            where + ": the details start on page 2: " + second);
                }
            }
        }
    }

    @Test
    void pdfCarriesTheReportTextWithEmbeddedFonts() throws Exception {
        Assessment a = Samples.evaluate(Samples.samplesDir().resolve("rrmm-prior-dara-short-washout.json"), Jurisdiction.US,
                CompileMode.EXECUTABLE_MODEL);
        byte[] pdf = PdfReport.render(a, HtmlReport.Paper.A4);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() > 1);
            String page1 = page(doc, 1);
            assertTrue(page1.contains("Board summary: patient " + a.patient().id()), page1);
            String topName = a.recommendations().get(0).name();
            String topStart = topName.substring(0, topName.lastIndexOf('+') + 1);   // the rest may wrap in a table cell
            assertTrue(page1.replaceAll("\\s+", " ").contains(topStart), "top regimen on page 1: " + page1);
            PDPage first = doc.getPage(0);
            assertEquals(595, Math.round(first.getMediaBox().getWidth()), "A4 width in points");
            String text = new PDFTextStripper().getText(doc);
            String flat = text.replaceAll("\\s+", "");
            assertTrue(text.contains("Setting") && text.contains("RRMM"), "patient setting");
            assertTrue(text.contains("1. " + topName), "top regimen");
            assertTrue(text.contains(Assessment.DISCLAIMER), "disclaimer");
            assertTrue(flat.contains(a.rulebase().sha256()), "rulebase sha256 in the footer");
            assertTrue(text.contains("ANTI_CD38_WASHOUT_SHORT") && text.contains("⚠"), "flags with icon and code");
            // The SVG charts are drawn as vector shapes (their text is not extractable); their captions are text.
            assertTrue(text.contains("Therapy timeline: bars are lines of therapy"), "timeline figure caption");
            assertTrue(text.contains("45 days since the last daratumumab dose on 2026-09-17"), "washout finding");
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), "font embedded: " + font.getName());
                }
            }
        }
        try (PDDocument letter = Loader.loadPDF(PdfReport.render(a, HtmlReport.Paper.LETTER))) {
            assertEquals(612, Math.round(letter.getPage(0).getMediaBox().getWidth()), "Letter width in points");
        }
    }

    private static final List<String> LAYOUT_SAMPLES = List.of("rrmm-prior-dara-short-washout.json",
            "rrmm-dvd-sparse-daratumumab.json", "rrmm-double-refractory-3-lines.json", "rrmm-missing-renal.json");

    /**
     * Table headers keep their words whole ("Measure", not "Measu" / "re"), a unit stays on one line, and no line of
     * text starts with a citation's closing bracket or ends with its opening one (a lone "]" or "[").
     */
    @Test
    void headersAndCitationsAreNeverBrokenInsideAWord() throws Exception {
        for (String sample : LAYOUT_SAMPLES) {
            Assessment a = Samples.evaluate(Samples.samplesDir().resolve(sample), Jurisdiction.US, CompileMode.EXECUTABLE_MODEL);
            try (PDDocument doc = Loader.loadPDF(PdfReport.render(a, HtmlReport.Paper.A4))) {
                String text = new PDFTextStripper().getText(doc);
                if (!a.findings().renal().isEmpty()) {
                    assertTrue(text.contains("Date Measure Value Unit Method Band Status"), sample + ": renal table header whole");
                    assertTrue(text.contains("mL/min/1.73m²"), sample + ": the unit on one line");
                }
                assertTrue(text.contains("Rank Regimen Status Score Main reason Cautions"), sample + ": board table header whole");
                for (String line : text.split("\\R")) {
                    String t = line.strip();
                    assertFalse(t.startsWith("]") || t.startsWith(",") || t.endsWith("["), sample + ": a broken citation: '" + t + "'");
                }
            }
        }
    }

    /** Width of a chart label in the font the PDF draws it with (DejaVu Sans, the size of its CSS class). */
    private static double width(Svg.Txt t) {
        float size = switch (t.cls()) { case "lbl", "in", "out", "asof-lbl" -> 9.5f; case "prog-key" -> 10f; default -> 9f; };
        int style = t.cls().equals("lbl") || t.cls().equals("asof-lbl") ? java.awt.Font.BOLD : java.awt.Font.PLAIN;
        java.awt.Font f = new java.awt.Font("DejaVu Sans", style, 1).deriveFont(size);
        return f.getStringBounds(t.text(), new java.awt.font.FontRenderContext(null, true, true)).getWidth();
    }

    private static double left(Svg.Txt t) {
        double x = Double.parseDouble(t.x()), w = width(t);
        return switch (t.anchor()) { case "end" -> x - w; case "middle" -> x - w / 2; default -> x; };
    }

    /**
     * The washout window: each band's label lies inside its band; the asOf line starts below its label; no two labels
     * of a row overlap; nothing runs past the chart's edge. Measured with the real font, for washouts from 10 days to
     * 600 days (narrow and wide bands).
     */
    @Test
    void washoutWindowLabelsStayInsideTheirBandsAndClearOfTheAsOfLine() throws Exception {
        PdfReport.class.getName();   // registers the DejaVu faces with Java's font registry
        Assessment base = Samples.evaluate(Samples.samplesDir().resolve("rrmm-prior-dara-short-washout.json"), Jurisdiction.US,
                CompileMode.EXECUTABLE_MODEL);
        java.time.LocalDate last = java.time.LocalDate.parse(base.findings().antiCd38Washout().lastDose());
        for (int days : new int[]{10, 45, 100, 200, 300, 600}) {
            Assessment a = withAsOf(base, last.plusDays(days).toString(), days);
            Svg chart = Timeline.of(a).washout();
            String where = days + " days: ";
            for (Svg.Txt t : chart.texts()) {
                assertTrue(left(t) >= 0 && left(t) + width(t) <= chart.width(), where + "'" + t.text() + "' inside the chart");
                if (t.cls().equals("in-dark")) {
                    Svg.Rect band = chart.rects().stream().filter(r -> Math.abs(Double.parseDouble(r.x()) + 3 - Double.parseDouble(t.x())) < 0.2)
                            .findFirst().orElseThrow();
                    assertTrue(left(t) + width(t) <= Double.parseDouble(band.x()) + Double.parseDouble(band.w()),
                            where + "'" + t.text() + "' overflows its band of " + band.w() + " px");
                }
            }
            Svg.Txt asOfLabel = chart.texts().stream().filter(t -> t.cls().equals("asof-lbl")).findFirst().orElseThrow();
            Svg.Ln asOfLine = chart.lines().stream().filter(l -> l.cls().equals("asof")).findFirst().orElseThrow();
            assertTrue(Double.parseDouble(asOfLine.y1()) > Double.parseDouble(asOfLabel.y()) + 2, where + "the asOf line starts below its label");
            List<Svg.Txt> row = chart.texts().stream().filter(t -> t.y().equals(asOfLabel.y())).toList();
            for (Svg.Txt x : row) for (Svg.Txt y : row) {
                if (x != y) assertTrue(left(x) + width(x) <= left(y) || left(y) + width(y) <= left(x),
                        where + "'" + x.text() + "' overlaps '" + y.text() + "'");
            }
            List<Svg.Txt> ticks = chart.texts().stream().filter(t -> t.cls().equals("tick")).toList();
            for (int i = 1; i < ticks.size(); i++) {
                assertTrue(left(ticks.get(i - 1)) + width(ticks.get(i - 1)) <= left(ticks.get(i)), where + "band start dates overlap");
            }
        }
    }

    /** The assessment as of another day: only the washout finding's days and asOf change, as the chart reads them. */
    private static Assessment withAsOf(Assessment a, String asOf, int days) {
        var f = a.findings();
        var w = f.antiCd38Washout();
        var washout = new org.myelomacds.assessment.Findings.Washout(w.drug(), w.lastDose(), days, w.band(), w.text(), w.facts(), w.bands());
        var findings = new org.myelomacds.assessment.Findings(f.setting(), f.diagnoses(), f.transplantEligibility(), f.priorTherapy(),
                f.exposures(), f.refractoriness(), washout, f.renal(), f.pulmonary(), f.otherConditions(), f.labs(), f.allergies(),
                f.unreadable(), f.skippedResources(), f.diseaseStatus(), f.unrecognised(), f.relapse());
        return new Assessment(a.patient(), asOf, a.jurisdiction(), a.rulebase(), a.setting(), findings, a.recommendations(),
                a.notRecommended(), a.flags(), a.dataGaps(), a.evidence(), a.trace(), a.disclaimer());
    }
}
