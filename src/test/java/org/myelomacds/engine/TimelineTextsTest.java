package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.render.report.MarkdownReport;
import org.myelomacds.scenario.Samples;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The timeline as shown (issue 10 bullets 3, 4, 8, 11; FINDINGS O4, O6, P7, P8): texts that state what the record
 * gives, each with a near miss whose text stays as it was. No decision changes with them.
 */
class TimelineTextsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CYCLE_CHARTED = "s18o-14-rd-21-day-cycles-charted-day-1-only-pd-70d-after-last-day-1.json";
    private static final String HOLIDAY = "s18n-09-drd-holiday-100d-pd-inside-holiday-drd-resumed-pd-on-it.json";
    private static final String ASSERTED_MONTH = "s18o-16-len-statement-stopped-no-end-asserted-month-only-2026-01-pd-2026-03-20.json";
    private static final String VALIDITY = "s18p-11-len-request-only-12-fills-authorised-pd-45d-after-supply.json";
    private static final String MAINTENANCE_AGE_71 = "s18p-05b-mprotein-rise-0-3-to-0-75-misses-absolute-threshold.json";

    private static ObjectNode bundle(String name) throws Exception {
        return (ObjectNode) JSON.readTree(Files.readAllBytes(Samples.projectDir().resolve("qa-bundles").resolve(name)));
    }

    private static ObjectNode resource(ObjectNode b, String id) {
        for (var e : b.get("entry")) if (id.equals(e.path("resource").path("id").asText())) return (ObjectNode) e.get("resource");
        throw new AssertionError(id);
    }

    private static void remove(ObjectNode b, String id) {
        ArrayNode entries = (ArrayNode) b.get("entry");
        for (int i = 0; i < entries.size(); i++) {
            if (id.equals(entries.get(i).path("resource").path("id").asText())) { entries.remove(i); return; }
        }
        throw new AssertionError(id);
    }

    private static Findings.Line line(Assessment a, int number) {
        return a.findings().priorTherapy().lines().stream().filter(l -> l.number() == number).findFirst().orElseThrow();
    }

    private static boolean lenalidomideRefractory(Assessment a) {
        return a.findings().exposures().stream().anyMatch(e -> e.drug().equals("LENALIDOMIDE") && e.refractory());
    }

    /**
     * The IMWG 60-day window is one figure (RefractoryWindow.DAYS): the refractoriness rules read it through
     * refractoryWindowDays() and no code line of theirs adds the number itself. Comments and rule sentences may quote it.
     */
    @Test
    void theRefractorinessRulesReadTheWindowFromOnePlace() throws Exception {
        String drl = Files.readString(Samples.projectDir().resolve("rules/derive/refractoriness.drl"));
        assertTrue(drl.contains("function long refractoryWindowDays() { return RefractoryWindow.DAYS; }"));
        for (String lineText : drl.split("\n")) {
            String code = lineText.strip();
            if (code.startsWith("//") || code.startsWith("rule \"")) continue;
            assertFalse(code.matches(".*(\\+\\s*60\\b|\\b60-day|within 60 days).*"), "a literal window in: " + code);
        }
    }

    /** O4: Rd charted on day 1 of each 21-day cycle ends between its last charted dose and the next cycle's eve. */
    @Test
    void aLineChartedOncePerCycleShowsItsEndAsAnIntervalAndTheProgressionAsARangeOfDays() throws Exception {
        Assessment a = Samples.evaluate(bundle(CYCLE_CHARTED));
        assertEquals("2026-06-07", line(a, 2).lastDoseLatest());
        String md = MarkdownReport.render(a);
        assertTrue(md.contains("| 2 | 2022-09-12 | between 2026-05-18 and 2026-06-07 | lenalidomide, dexamethasone | "
                + "progression 2026-07-27 (after the line: 50 to 70 days after its end) |"), md);
        assertFalse(md.contains("progression 2026-07-27 (after the line: more than"), md);
    }

    /** O4 near miss: a line whose last dose is its recorded end keeps one end and "more than 60 days" (N6). */
    @Test
    void aLineWithARecordedLastDoseKeepsOneEnd() throws Exception {
        Assessment a = Samples.evaluate(bundle(HOLIDAY));
        assertNull(line(a, 2).lastDoseLatest());
        String md = MarkdownReport.render(a);
        assertTrue(md.contains("| 2 | 2022-02-01 | 2024-06-10 | daratumumab, lenalidomide, dexamethasone | progression"
                + " 2024-08-29 (after the line: more than 60 days after its end) |"), md);
    }

    /** O6: a month-only dateAsserted is quoted as recorded, with the day the bound reads. */
    @Test
    void aMonthOnlyDateAssertedIsQuotedAsRecorded() throws Exception {
        String md = MarkdownReport.render(Samples.evaluate(bundle(ASSERTED_MONTH)));
        assertTrue(md.contains("MedicationStatement/r-maint dated 2019-09-01, asserted in 2026-01 (read as by 2026-01-31):"), md);
        assertFalse(md.contains("asserted on 2026-01-31"), md);
    }

    /** O6 near miss: a dateAsserted to the day is quoted as that day. */
    @Test
    void aDayDateAssertedIsQuotedAsTheDay() throws Exception {
        ObjectNode b = bundle(ASSERTED_MONTH);
        resource(b, "r-maint").put("dateAsserted", "2026-01-10");
        String md = MarkdownReport.render(Samples.evaluate(b));
        assertTrue(md.contains("MedicationStatement/r-maint dated 2019-09-01, asserted on 2026-01-10:"), md);
        assertFalse(md.contains("read as by"), md);
    }

    /** P7: a validityPeriod end later than the supply authorised: both ends shown, the later one used, still refractory. */
    @Test
    void aValidityEndLaterThanTheAuthorisedSupplyShowsBothEnds() throws Exception {
        Assessment a = Samples.evaluate(bundle(VALIDITY));
        assertTrue(lenalidomideRefractory(a));
        String md = MarkdownReport.render(a);
        assertTrue(md.contains("the course of 2023-05-20 to 2025-01-05, its end the validityPeriod end of MedicationRequest/len-rx"
                + " (the last day a fill could be handed over; the supply it authorised covers 2024-01-05 to 2024-12-05):"
                + " the later end, 2025-01-05, is used, the cautious reading"), md);
    }

    /** P7 near miss: a validity that ends with the supply it authorises needs no note. */
    @Test
    void aValidityEndingWithItsSupplyHasNoNote() throws Exception {
        ObjectNode b = bundle(VALIDITY);
        ((ObjectNode) resource(b, "len-rx").path("dispenseRequest").path("validityPeriod")).put("end", "2024-12-05");
        Assessment a = Samples.evaluate(b);
        assertTrue(lenalidomideRefractory(a));
        assertFalse(MarkdownReport.render(a).contains("validityPeriod end of"));
    }

    /**
     * P8, then sweep U part 2 C3: a first line under way that gave an autologous transplant is transplant-eligible for
     * that line, the transplant answering before the age proxy (CDS-POLICY-FIRSTLINE-ASCT-GIVEN, DERIVE-SETTING-27),
     * and it is never called transplant-ineligible.
     */
    @Test
    void aFirstLineWithATransplantIsNotCalledTransplantIneligible() throws Exception {
        Assessment a = Samples.evaluate(bundle(MAINTENANCE_AGE_71));
        assertEquals("NDMM_TRANSPLANT_ELIGIBLE", a.setting());
        String text = a.findings().setting().text();
        assertTrue(text.contains("transplant-eligible for this first line: the autologous stem-cell transplant of 2019-07-10"
                + " (Procedure/asct) was given in it (project policy CDS-POLICY-FIRSTLINE-ASCT-GIVEN), which answers"
                + " eligibility before the age proxy"), text);
        assertFalse(text.contains("the patient is transplant-ineligible"), text);
    }

    /** P8 near miss: a clinician's statement of ineligibility after the transplant is quoted as given. */
    @Test
    void aClinicianStatementAfterTheTransplantIsQuotedAsGiven() throws Exception {
        ObjectNode b = bundle(MAINTENANCE_AGE_71);
        String patient = resource(b, "r-maint").path("subject").path("reference").asText();
        ObjectNode statement = JSON.createObjectNode();
        statement.put("resourceType", "Observation").put("id", "te-1").put("status", "final");
        statement.putObject("code").putArray("coding").addObject()
                .put("system", "https://myeloma-cds.org/fhir/CodeSystem/cds").put("code", "transplant-eligibility");
        statement.putObject("subject").put("reference", patient);
        statement.put("effectiveDateTime", "2026-10-01").put("valueBoolean", false);
        ((ArrayNode) b.get("entry")).addObject().set("resource", statement);
        Assessment a = Samples.evaluate(b);
        assertEquals("NDMM_TRANSPLANT_INELIGIBLE", a.setting());
        String text = a.findings().setting().text();
        assertTrue(text.contains("Transplant ineligible as recorded by the clinician on 2026-10-01"), text);
        assertFalse(text.contains("is not described as transplant-ineligible"), text);
    }
}
