package org.myelomacds.authoring;

import org.junit.jupiter.api.Test;
import org.myelomacds.engine.RuleFiles;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Threshold functions, placeholders and the numbers a rule quotes against the thresholds it depends on. */
class ThresholdsTest {
    private static final String DERIVE = """
            package myeloma;
            // MIKHAEL21: bands of the washout
            function long washoutIntermediateFromDays() { return %s; }
            function long washoutAdequateFromDays() { return 180; } // NIJHOF16
            function int bandOf(long days) { return days < washoutIntermediateFromDays() ? 0 : 1; }

            rule "DERIVE-W-01: the band"
                @evidence("X")
            when
                $d : Long()
            then
                insertLogical(new Washout(bandOf($d)));
            end
            """;
    private static final String FLAG = """
            package myeloma;

            rule "FLAG-W-01: a dose less than %s days ago is short"
                @evidence("X")
            when
                Washout( band == 0 )
            then
                System.out.println("under %s days; 28.6%% after under 3 months, median 15.2 months, 1 to 3 prior lines");
            end
            """;

    private static Thresholds thresholds(String value, String sentence, String text, List<Thresholds.Contradiction> out) {
        RuleFiles files = RuleFiles.of("test", Map.of(
                "derive/w.drl", String.format(DERIVE, value).getBytes(StandardCharsets.UTF_8),
                "flags/w.drl", String.format(FLAG, sentence, text).getBytes(StandardCharsets.UTF_8)));
        DrlSource source = DrlSource.parse(files, "rules/");
        Thresholds t = Thresholds.of(source);
        for (DrlSource.Rule r : source.rules()) out.addAll(t.contradictions(r));
        return t;
    }

    @Test
    void constantFunctionsAreThresholdsWithTheirSource() {
        Thresholds t = thresholds("90", "90", "90", new java.util.ArrayList<>());
        assertEquals(List.of("washoutAdequateFromDays", "washoutIntermediateFromDays"), t.all().stream().map(Thresholds.Threshold::name).toList());
        Thresholds.Threshold w = t.named("washoutIntermediateFromDays").orElseThrow();
        assertEquals("90", w.value());
        assertEquals("days", w.unit());
        assertEquals("MIKHAEL21: bands of the washout", w.comment());
        assertEquals("NIJHOF16", t.named("washoutAdequateFromDays").orElseThrow().comment());
    }

    @Test
    void aFlagOnADerivedConceptDependsOnTheThresholdsThatDeriveIt() {
        List<Thresholds.Contradiction> out = new java.util.ArrayList<>();
        thresholds("90", "90", "90", out);
        assertTrue(out.isEmpty(), "matching numbers, and trial figures in months, percent and prior lines, are fine: " + out);
        thresholds("89", "90", "90", out);
        assertTrue(out.isEmpty(), "one off is the other end of a band: " + out);
    }

    @Test
    void aNumberThatNoLongerMatchesIsReportedInTheSentenceAndTheText() {
        List<Thresholds.Contradiction> out = new java.util.ArrayList<>();
        thresholds("40", "90", "90", out);
        assertEquals(2, out.size(), out.toString());
        assertTrue(out.get(0).inSentence());
        assertEquals("90 days", out.get(0).quote());
        assertTrue(!out.get(1).inSentence());
        assertEquals("90 days", out.get(1).quote());
    }

    @Test
    void placeholdersAndCallsAreFilledWithTheCurrentValue() {
        Thresholds t = thresholds("40", "{washoutIntermediateFromDays()}", "x", new java.util.ArrayList<>());
        assertEquals("less than 40 days, 40-179", t.fill("less than {washoutIntermediateFromDays()} days, {washoutIntermediateFromDays()}-{washoutAdequateFromDays() - 1}"));
        assertEquals("40", t.valueOfCall(" + washoutIntermediateFromDays() + "));
        assertEquals("179", t.valueOfCall(" + (washoutAdequateFromDays() - 1) + "));
        assertEquals(null, t.valueOfCall(" + $w.describe() + "));
        assertEquals(List.of("{noSuchFunction()}"), t.unknownPlaceholders("a {noSuchFunction()} b"));
    }
}
