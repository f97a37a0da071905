package org.myelomacds.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RuleMetadataTest {
    @Test
    void readsQuotedUnquotedAndListedEvidenceIds() {
        assertEquals(List.of("IKEMA-L21"), RuleMetadata.splitIds("IKEMA-L21"));
        assertEquals(List.of("IKEMA-L21"), RuleMetadata.splitIds("\"IKEMA-L21\""));
        assertEquals(List.of("IKEMA-L21", "ICARIA-L19"), RuleMetadata.splitIds("IKEMA-L21, ICARIA-L19"));
        assertEquals(List.of("A-1", "B-2"), RuleMetadata.splitIds(List.of("\"A-1\"", "B-2")));
        assertEquals(List.of("A-1", "B-2"), RuleMetadata.splitIds("[A-1; B-2]"));
        assertEquals(List.of(), RuleMetadata.splitIds(null));
    }

    @Test
    void ruleIdIsThePartBeforeTheColon() {
        assertEquals("ISA-KD-ELIG-01", RuleLocation.idOf("ISA-KD-ELIG-01: 1 to 3 prior lines meet the US Isa-Kd indication"));
        assertEquals("NO-COLON", RuleLocation.idOf("NO-COLON"));
    }

    @Test
    void ruleIndexFindsFileAndLine() {
        var index = RuleIndex.of(new java.util.TreeMap<>(java.util.Map.of("flags/x.drl",
                "package myeloma;\n\nrule \"X-01: first\"\nwhen\nthen\nend\n  rule \"X-02: second\"\n")));
        assertEquals(3, index.find("X-01: first").orElseThrow().line());
        assertEquals(7, index.find("X-02: second").orElseThrow().line());
        assertEquals("rules/flags/x.drl", index.fileOf("X-02: second"));
    }
}
