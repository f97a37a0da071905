package org.myelomacds.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Flag;
import org.myelomacds.engine.CompileMode;
import org.myelomacds.engine.Evaluator;
import org.myelomacds.engine.Rulebase;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bottom line says when things change, with the days the rules computed, or why no day can be given. */
class BottomLineTest {
    private static final Path DARA = Samples.samplesDir().resolve("rrmm-prior-dara-short-washout.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Assessment evaluate(byte[] bundle, LocalDate asOf) throws Exception {
        Rulebase rb = Samples.rulebase(CompileMode.EXECUTABLE_MODEL);
        return new Evaluator(rb).evaluate(Samples.reader().read(bundle, asOf, rb.terminology()),
                new EvaluationContext(asOf, Jurisdiction.US));
    }

    /** The sample with its daratumumab administrations removed and the statement's end written as {@code end}. */
    private static byte[] lastDoseDated(String end) throws Exception {
        ObjectNode b = (ObjectNode) JSON.readTree(Files.readAllBytes(DARA));
        ArrayNode kept = JSON.createArrayNode();
        for (var e : b.withArray("entry")) {
            var r = e.get("resource");
            if ("MedicationAdministration".equals(r.get("resourceType").asText()) && r.toString().contains("daratumumab")) continue;
            if ("line2-daratumumab-sc".equals(r.get("id").asText())) ((ObjectNode) r.get("effectivePeriod")).put("end", end);
            kept.add(e);
        }
        b.set("entry", kept);
        return JSON.writeValueAsBytes(b);
    }

    @Test
    void refractoryPatientInAShortWashoutIsToldTheDaysTheRulesComputed() throws Exception {
        Assessment a = evaluate(Files.readAllBytes(DARA), LocalDate.parse("2026-11-01"));
        // the days come from the flags' milestones (last dose 2026-09-17 + 90, 180 and 270 days), not from the renderer
        List<String> days = a.flags().stream().flatMap(f -> f.milestones().stream()).map(Flag.Milestone::date).distinct().sorted().toList();
        assertEquals(List.of("2026-12-16", "2027-03-16", "2027-06-14"), days);
        Flag refractory = a.flags().stream().filter(f -> f.code().equals("ANTI_CD38_REFRACTORY")).findFirst().orElseThrow();
        assertEquals(List.of(new Flag.Milestone("2027-06-14", false,
                "the anti-CD38 washout reaches the 9 months IRAKLIA required of anti-CD38-refractory disease (270 days)")), refractory.milestones());
        BottomLine line = BottomLine.of(a, Map.of());
        assertTrue(line.text().contains("The anti-CD38 washout reaches 90 days (intermediate band) on 2026-12-16, 180 days (adequate band)"
                + " on 2027-03-16 and the 9 months IRAKLIA required of anti-CD38-refractory disease (270 days) on 2027-06-14."), line.text());
        assertTrue(line.rules().containsAll(List.of("FLAG-REFRACTORY-01", "FLAG-WASHOUT-01")), line.rules().toString());
    }

    @Test
    void afterTheIraklaWashoutNoDayIsLeftToAnnounce() throws Exception {
        Assessment a = evaluate(Files.readAllBytes(DARA), LocalDate.parse("2027-07-01"));
        assertTrue(a.flags().stream().allMatch(f -> f.milestones().isEmpty()), "every day is past");
        assertFalse(BottomLine.of(a, Map.of()).text().contains("washout reaches"), BottomLine.of(a, Map.of()).text());
    }

    @Test
    void aLastDoseDatedOnlyByMonthGivesTheLatestDayAndSaysSo() throws Exception {
        // 2026-08 as of 2027-05-10: 252 to 282 days, adequate either way, the 270 days undecided
        Assessment a = evaluate(lastDoseDated("2026-08"), LocalDate.parse("2027-05-10"));
        String text = BottomLine.of(a, Map.of()).text();
        assertTrue(text.contains("reaches the 9 months IRAKLIA required of anti-CD38-refractory disease (270 days) by 2027-05-28 at the latest"
                + " (the last dose is dated only in part"), text);
    }

    @Test
    void aLastDoseTooImpreciseForABandSaysNoDayCanBeGivenAndWhy() throws Exception {
        // 2026-08 as of 2026-11-01: 62 to 92 days, short or intermediate
        Assessment a = evaluate(lastDoseDated("2026-08"), LocalDate.parse("2026-11-01"));
        String text = BottomLine.of(a, Map.of()).text();
        assertFalse(text.contains("washout reaches"), text);
        assertTrue(text.contains("The days on which the anti-CD38 washout changes band cannot be given: the last daratumumab dose is dated only 2026-08"
                + " (62 to 92 days before the evaluation date: short or intermediate washout)"), text);
        // the missing precision does not lift the refractory penalty
        assertTrue(a.recommendations().stream().allMatch(r -> r.scoreComponents().stream()
                .anyMatch(l -> l.rule().equals("RANK-REFRACTORY-03") && l.points() == -25)), "refractory penalty kept");
    }
}
