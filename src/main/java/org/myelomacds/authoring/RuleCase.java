package org.myelomacds.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import org.myelomacds.facts.Jurisdiction;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One rule unit case from rules/tests/<dir>/<file>.yaml: a patient (a sample bundle, changed by JSON merge patches, removals and
 * additions), an evaluation date, the jurisdictions, and what must hold. See the README ("Rule unit cases").
 */
public record RuleCase(String name, Path file, int line, Path bundle, LocalDate asOf, List<Jurisdiction> jurisdictions,
                       Map<String, JsonNode> patch, List<String> remove, List<JsonNode> add, Expect expect) {

    /** What must hold in every listed jurisdiction; empty lists and maps check nothing. */
    public record Expect(String setting, List<String> fired, List<String> notFired, List<String> flags,
                         List<String> noFlags, List<String> gaps, List<String> noGaps, Map<String, String> status,
                         List<Criterion> criteria, List<Score> scores) {
        /** The expectations without score lines (the shape before they were added). */
        public Expect(String setting, List<String> fired, List<String> notFired, List<String> flags, List<String> noFlags,
                      List<String> gaps, List<String> noGaps, Map<String, String> status, List<Criterion> criteria) {
            this(setting, fired, notFired, flags, noFlags, gaps, noGaps, status, criteria, List.of());
        }
    }

    /** A criterion as printed: regimen, criterion name, outcome (MET, FAILED, UNKNOWN) and optionally the rule id. */
    public record Criterion(String regimen, String criterion, String outcome, String rule) {}

    /**
     * A score line as printed in a recommendation's scoreComponents: regimen, the rule that stated it, its points, and
     * optionally words its label must contain (so a case pins what the line says, not only that it is there).
     */
    public record Score(String regimen, String rule, int points, String labelContains) {}

    public String where() { return relativeFile() + ":" + line + " (" + name + ")"; }

    /** The case file as rule authors name it: its path under the tests folder (flags/renal.yaml mirrors flags/renal.drl). */
    public String relativeFile() { return RuleCaseSuite.relative(file); }
}
