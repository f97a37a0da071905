package org.myelomacds.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DRL syntax errors as authors read them: file:line:column, the rule named, no parser noise or stack trace. */
class DrlSyntaxTest {
    private static final String TWO_RULES = """
            package myeloma;

            rule "A-01: first"
                @evidence("X")
            when
                $s : String()
            then
                System.out.println($s);
            end

            rule "A-02: second"
                @evidence("X")
            when
                $s : String()
            then
                System.out.println($s);
            end
            """;

    @Test
    void wellFormedDrlHasNoProblems() {
        DrlSyntax.Parsed p = DrlSyntax.parse("dir/flags/a.drl", TWO_RULES);
        assertTrue(p.problems().isEmpty(), p.problems().toString());
        assertNotNull(p.descr());
        assertEquals(2, p.descr().getRules().size());
    }

    @Test
    void aParserCrashInTheLastRulePointsAtThatRuleWithoutAStackTrace() {
        String broken = TWO_RULES.substring(0, TWO_RULES.lastIndexOf("then")) + "thenx (" + TWO_RULES.substring(TWO_RULES.lastIndexOf("then") + 4);
        List<RuleProblem> problems = DrlSyntax.parse("dir/flags/a.drl", broken).problems();
        assertEquals(1, problems.size(), problems.toString());
        String shown = problems.get(0).toString();
        assertTrue(shown.startsWith("dir/flags/a.drl:11:7: error: syntax error the parser could not recover from"), shown);
        assertTrue(shown.endsWith("in rule \"A-02: second\""), shown);
        assertFalse(shown.contains("Exception") || shown.contains("Stack trace") || shown.contains("\tat "), shown);
    }

    @Test
    void anUnclosedRuleIsNamedWhereTheNextOneStarts() {
        String broken = TWO_RULES.replaceFirst("then\n", "thenx (\n");
        List<RuleProblem> problems = DrlSyntax.parse("dir/flags/a.drl", broken).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("dir/flags/a.drl:11:1: error: rule \"A-01: first\" is not closed where the next rule starts: "
                + "check its when / then / end keywords", problems.get(0).toString());
    }
}
