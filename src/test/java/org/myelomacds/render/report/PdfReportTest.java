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

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
