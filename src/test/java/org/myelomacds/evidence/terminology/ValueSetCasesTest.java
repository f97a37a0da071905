package org.myelomacds.evidence.terminology;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.myelomacds.facts.DrugClass;
import org.myelomacds.scenario.Samples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every value set of rules/terminology/ against one code it holds and one near miss it must not (and, where it has
 * words, one text they name and one they do not), from src/test/resources/terminology/value-set-cases.csv. A new value
 * set needs its row there: {@link #everyValueSetHasACase} fails until it has one.
 */
class ValueSetCasesTest {
    private static final Map<String, String> SYSTEMS = Map.ofEntries(
            Map.entry("icd", CodeSystems.ICD10_CM),
            Map.entry("who", CodeSystems.ICD10),
            Map.entry("sct", CodeSystems.SNOMED),
            Map.entry("loinc", CodeSystems.LOINC),
            Map.entry("rx", CodeSystems.RXNORM),
            Map.entry("atc", CodeSystems.ATC),
            Map.entry("hcpcs", CodeSystems.HCPCS),
            Map.entry("pcs", CodeSystems.ICD10_PCS),
            Map.entry("cpt", CodeSystems.CPT),
            Map.entry("ndc", CodeSystems.NDC),
            Map.entry("v3", CodeSystems.V3_INTERPRETATION),
            Map.entry("proj", CodeSystems.PROJECT));

    private static Terminology terms() { return Samples.terminology(); }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/terminology/value-set-cases.csv")
    void codeInsideNearMissOutside(String set, String system, String inside, String outside, String textInside, String textOutside) {
        ValueSet vs = terms().find(set).orElseThrow(() -> new AssertionError("no value set " + set));
        if ("drug".equals(system)) {
            DrugClass c = DrugClass.valueOf(set.substring("drug-class-".length()).toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            assertEquals(c, terms().drugs().find(inside).orElseThrow().getDrugClass(), inside + " is of " + set);
            assertFalse(terms().drugs().find(outside).orElseThrow().getDrugClass() == c, outside + " is not of " + set);
            return;
        }
        if (system != null) {
            String uri = SYSTEMS.get(system);
            assertTrue(terms().contains(set, uri, inside), set + " holds " + system + " " + inside);
            assertFalse(terms().contains(set, uri, outside), set + " does not hold " + system + " " + outside);
        }
        if (textInside != null) {
            assertTrue(vs.text().matches(textInside), set + " names \"" + textInside + "\"");
            assertFalse(vs.text().matches(textOutside), set + " does not name \"" + textOutside + "\"");
        }
        assertTrue(system != null || textInside != null, set + ": the case checks nothing");
    }

    @Test
    void everyValueSetHasACase() throws IOException {
        Set<String> cased;
        try (InputStream in = getClass().getResourceAsStream("/terminology/value-set-cases.csv")) {
            cased = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.substring(0, l.indexOf(','))).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> sets = terms().valueSets().stream().map(ValueSet::id).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(sets);
        missing.removeAll(cased);
        Set<String> stale = new TreeSet<>(cased);
        stale.removeAll(sets);
        assertEquals(Set.of(), missing, "value sets without a case in value-set-cases.csv");
        assertEquals(Set.of(), stale, "cases for value sets that no longer exist");
    }
}
