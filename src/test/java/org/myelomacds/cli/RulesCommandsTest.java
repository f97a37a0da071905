package org.myelomacds.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelomacds.scenario.Samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rule authoring commands on the shipped rules (these are the CI gates: validate --strict and coverage fail the
 * build with their own report as the failure message) and on deliberately broken copies.
 */
class RulesCommandsTest {
    static final Path RULES = Samples.projectDir().resolve("rules");
    static final Path SAMPLES = Samples.projectDir().resolve("fhir-samples");

    @TempDir
    Path tmp;

    static CliTest.Run run(String... args) { return CliTest.run(args); }

    private Path copyOfRules() throws IOException {
        Path dir = tmp.resolve("rules");
        try (Stream<Path> s = Files.walk(RULES)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.naturalOrder())::iterator) {
                Path target = dir.resolve(RULES.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return dir;
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), "test setup: " + file + " no longer contains " + from);
        Files.writeString(file, text.replace(from, to));
    }

    // ---- CI gates on the shipped rules ---------------------------------------------------------------------------

    @Test
    void shippedRulesValidateStrictly() {
        CliTest.Run r = run("rules", "validate", "--strict", "--rules", RULES.toString());
        assertEquals(0, r.code(), "rules validate --strict found problems:\n" + r.out() + r.err());
        assertTrue(r.out().contains("0 error(s), 0 warning(s)"), r.out());
    }

    @Test
    void everyShippedRuleFiresInAScenarioOrCase() throws IOException {
        CliTest.Run r = run("rules", "coverage", "--format", "json", "--rules", RULES.toString(), "--samples", SAMPLES.toString());
        assertEquals(0, r.code(), "rules coverage failed:\n" + r.out() + r.err());
        com.fasterxml.jackson.databind.JsonNode c = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        // The gate itself (exit 1) covers these; the asserts name the rules in the failure message.
        assertEquals(0, c.get("rulesNotNamedFired").size(), "rules named by no case's fired: " + c.get("rulesNotNamedFired"));
        assertEquals(0, c.get("rulesWithoutNearMiss").size(), "eligibility and flag rules without a near miss: " + c.get("rulesWithoutNearMiss"));
    }

    @Test
    void shippedScenariosAndCasesPass() {
        CliTest.Run r = run("rules", "test", "--rules", RULES.toString(), "--samples", SAMPLES.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*scenarios: \\d+ passed, 0 failed; rule cases: \\d+ passed, 0 failed.*"), r.out());
    }

    // ---- broken copies --------------------------------------------------------------------------------------------

    /** The 1-based line of the n-th occurrence of {@code needle}, so edits above it do not break the expected location. */
    private static int lineOf(Path file, String needle, int occurrence) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle) && ++seen == occurrence) return i + 1;
        }
        throw new AssertionError("test setup: " + needle + " (occurrence " + occurrence + ") is not in " + file);
    }

    @Test
    void validateLocatesEveryAuthoringProblem() throws IOException {
        Path rules = copyOfRules();
        Path isaKd = rules.resolve("eligibility/isa-kd.drl");
        edit(isaKd, "rule \"ISA-KD-ELIG-04:", "rule \"ISA-KD-ELIG-03:");                                   // duplicate id
        edit(isaKd, "@evidence(IKEMA-REG)", "@evidence(IKEMA-REGG)\n    salience 10");                    // unknown evidence, salience
        edit(isaKd, "Outputs.trialInclusion(kcontext, \"ISA_KD\", \"ikema-population\"",
                "Outputs.trialInclusion(kcontext, \"ISA_KDD\", \"ikema-population\"");                       // unknown regimen
        edit(isaKd, "$h : TherapyHistory( priorLines > linesIkemaMax() )", "$h : TherapyHistory( priorLines > 3 )"); // threshold
        edit(rules.resolve("eligibility/isa-pd.drl"), "TherapyHistory( priorLines == 0 )",
                "TherapyHistory( priorLines == 0 || > 5 )");                                                  // half constraint
        edit(rules.resolve("flags/washout.drl"), "@evidence(\"MIKHAEL21, NIJHOF16\")\nwhen\n    $w : AntiCd38Washout( band == WashoutBand.INTERMEDIATE )",
                "@evidence(\"MIKHAEL21, NIJHOF16\")\n    agenda-group \"washout\"\nwhen\n    $w : AntiCd38Washout( band == WashoutBand.INTERMEDIATE )"); // deprecated

        CliTest.Run r = run("rules", "validate", "--rules", rules.toString());
        String out = r.out();
        assertEquals(4, r.code(), out + r.err());
        String p = rules.toString() + "/";
        int duplicate = lineOf(isaKd, "rule \"ISA-KD-ELIG-03:", 2);
        assertTrue(out.contains(p + "eligibility/isa-kd.drl:" + duplicate + ":7: error: rule id ISA-KD-ELIG-03 is used twice"), out);
        assertTrue(out.matches("(?s).*" + java.util.regex.Pattern.quote(p + "eligibility/isa-kd.drl:") + "\\d+:5: error: rule ISA-KD-TRIAL-02 cites @evidence IKEMA-REGG, which is not in evidence.yaml \\(did you mean IKEMA-REG\\?\\).*"), out);
        assertTrue(out.matches("(?s).*isa-kd\\.drl:\\d+:5: warning: rule ISA-KD-TRIAL-02 uses 'salience'.*"), out);
        assertTrue(out.matches("(?s).*isa-kd\\.drl:" + lineOf(isaKd, "\"ISA_KDD\"", 1)
                + ":\\d+: error: rule ISA-KD-TRIAL-01 names regimen ISA_KDD, which is not in regimens.yaml.*"), out);
        assertTrue(out.matches("(?s).*isa-kd\\.drl:\\d+:39: error: threshold 3 in rule ISA-KD-TRIAL-03.*"), out);
        assertTrue(out.matches("(?s).*isa-pd\\.drl:\\d+:\\d+: error: half constraint 'priorLines == 0 \\|\\| > 5'.*"), out);
        assertTrue(out.matches("(?s).*washout\\.drl:\\d+:5: error: rule FLAG-WASHOUT-02 uses 'agenda-group'.*"), out);
    }

    @Test
    void validateGivesFileLineColumnForASyntaxError() throws IOException {
        Path rules = copyOfRules();
        edit(rules.resolve("eligibility/isa-kd.drl"), "TherapyHistory( priorLines >= 1, priorLines <= linesIsaKdUsMax() )",
                "TherapyHistory( priorLines >= 1,, priorLines <= linesIsaKdUsMax() )");
        CliTest.Run r = run("rules", "validate", "--rules", rules.toString());
        assertEquals(4, r.code(), r.out() + r.err());
        int line = lineOf(rules.resolve("eligibility/isa-kd.drl"), ",, priorLines", 1);
        assertTrue(r.out().contains(rules + "/eligibility/isa-kd.drl:" + line + ":"), r.out());
        assertTrue(r.out().matches("(?s).*isa-kd\\.drl:" + line + ":\\d+: error: .*no viable alternative.*"), r.out());
    }

    @Test
    void warningsOnlyFailWithStrict() throws IOException {
        Path rules = copyOfRules();
        edit(rules.resolve("flags/washout.drl"), "@evidence(\"MIKHAEL21, NIJHOF16\")\nwhen\n    $w : AntiCd38Washout( band == WashoutBand.SHORT )",
                "@evidence(\"MIKHAEL21, NIJHOF16\")\n    salience 5\nwhen\n    $w : AntiCd38Washout( band == WashoutBand.SHORT )");
        assertEquals(0, run("rules", "validate", "--rules", rules.toString()).code());
        CliTest.Run strict = run("rules", "validate", "--strict", "--rules", rules.toString());
        assertEquals(4, strict.code(), strict.out());
        assertTrue(strict.out().contains("0 error(s), 1 warning(s) (warnings fail with --strict)"), strict.out());
    }

    @Test
    void aChangedThresholdFailsTheTestsWithADiffAndShowsInRulesDiff() throws IOException {
        Path rules = copyOfRules();
        edit(rules.resolve("derive/washout.drl"), "function long washoutIntermediateFromDays() { return 90; }",
                "function long washoutIntermediateFromDays() { return 30; }");
        CliTest.Run t = run("rules", "test", "--rules", rules.toString(), "--samples", SAMPLES.toString());
        assertEquals(1, t.code(), t.out() + t.err());
        assertTrue(t.out().contains("FAIL scenario rrmm-prior-dara-short-washout:"), t.out());
        assertTrue(t.out().contains("US.flags.ANTI_CD38_WASHOUT_"), t.out());
        assertTrue(t.out().contains("FAIL case flags/washout.yaml:"), t.out());
        assertTrue(t.out().contains("flag ANTI_CD38_WASHOUT_SHORT: expected, absent"), t.out());

        CliTest.Run d = run("rules", "diff", RULES.toString(), rules.toString(), "--samples", SAMPLES.toString(), "--format", "json");
        assertEquals(0, d.code(), d.err());
        assertTrue(d.out().contains("\"patient\" : \"rrmm-prior-dara-short-washout\""), d.out());
        assertTrue(d.out().contains("ANTI_CD38_WASHOUT_INTERMEDIATE"), d.out());
        assertTrue(!d.out().contains("\"patient\" : \"rrmm-copd\""), "an unaffected patient is not reported:\n" + d.out());
    }

    @Test
    void validateRefusesAMissingValueSetAConflictingCodeAndAMalformedOne() throws IOException {
        Path rules = copyOfRules();
        Files.delete(rules.resolve("terminology/route-oral.json"));
        edit(rules.resolve("terminology/condition-asthma.json"), "\"code\": \"195967001\"", "\"code\": \"13645005\"");   // COPD's code
        edit(rules.resolve("terminology/condition-copd-severe.json"), "\"concept\"", "\"concepts\"");                     // a typo
        CliTest.Run r = run("rules", "validate", "--rules", rules.toString());
        String out = r.out();
        assertEquals(4, r.code(), out + r.err());
        String p = rules + "/terminology/";
        assertTrue(out.contains(p + "route-oral.json: error: missing: the engine reads the oral route from value set route-oral"), out);
        assertTrue(out.matches("(?s).*" + java.util.regex.Pattern.quote(p + "condition-asthma.json:") + "\\d+:\\d+: error: code 13645005 "
                + "\\(http://snomed.info/sct\\) is in condition-asthma and in condition-copd .*which cannot both be true \\(conditions\\).*"), out);
        assertTrue(out.matches("(?s).*" + java.util.regex.Pattern.quote(p + "condition-copd-severe.json:") + "\\d+:\\d+: error: 'concepts' is not "
                + "an element of compose.include.*"), out);
    }

    @Test
    void validateRefusesADrugTheRulesNameThatTheCatalogueLacks() throws IOException {
        Path rules = copyOfRules();
        Files.delete(rules.resolve("terminology/drug-carfilzomib.json"));
        edit(rules.resolve("terminology/drug-class-proteasome-inhibitor.json"), "          \"https://myeloma-cds.org/fhir/ValueSet/drug-carfilzomib\",\n", "");
        CliTest.Run r = run("rules", "validate", "--rules", rules.toString());
        String out = r.out();
        assertEquals(4, r.code(), out + r.err());
        assertTrue(out.matches("(?s).*" + java.util.regex.Pattern.quote(rules + "/eligibility/dara-kd.drl:") + "\\d+:\\d+: error: the rule names "
                + "Drug.CARFILZOMIB, which the drug catalogue does not define: add rules/terminology/drug-carfilzomib.json and list its url "
                + "in the drug-class-\\*.json of its class.*"), out);
        assertTrue(out.contains("error: the engine's Java code names Drug.CARFILZOMIB"), out);
        assertTrue(out.contains("regimens.yaml: error: " + rules + "/regimens.yaml: regimen ISA_KD names drug 'carfilzomib', which the drug "
                + "catalogue (rules/terminology/drug-*.json) does not define"), out);
    }

    @Test
    void aCodeRemovedFromAValueSetShowsWhichPatientsItMovesInRulesDiff() throws IOException {
        Path rules = copyOfRules();
        // rrmm-copd's COPD is coded J44.9: narrowing the J44 category to J44.0 leaves it unread.
        edit(rules.resolve("terminology/condition-copd.json"), "\"value\": \"J44\"", "\"value\": \"J44.0\"");
        CliTest.Run d = run("rules", "diff", RULES.toString(), rules.toString(), "--samples", SAMPLES.toString(), "--format", "json");
        assertEquals(0, d.code(), d.err());
        assertTrue(d.out().contains("\"patient\" : \"rrmm-copd\""), d.out());
        assertTrue(d.out().contains("DARA_COPD_PROPHYLAXIS"), d.out());
        assertTrue(!d.out().contains("\"patient\" : \"rrmm-severe-asthma\"") && !d.out().contains("\"patient\" : \"rrmm-isa-pd-candidate\""),
                "unaffected patients are not reported:\n" + d.out());
        CliTest.Run text = run("rules", "diff", RULES.toString(), rules.toString(), "--samples", SAMPLES.toString());
        assertTrue(text.out().contains("rrmm-copd"), text.out());
    }

    @Test
    void updateShowsWhatChangesThenWritesTheExpectedFile() throws IOException {
        Path samples = tmp.resolve("samples");
        Files.createDirectories(samples);
        for (String f : new String[] {"rrmm-copd.json", "rrmm-copd.md"}) Files.copy(SAMPLES.resolve(f), samples.resolve(f));
        String reviewed = Files.readString(SAMPLES.resolve("rrmm-copd.expected.json"));
        Files.writeString(samples.resolve("rrmm-copd.expected.json"), reviewed.replace("\"RRMM\"", "\"NDMM_TRANSPLANT_ELIGIBLE\""));

        CliTest.Run failing = run("rules", "test", "--rules", RULES.toString(), "--samples", samples.toString(), "--scenario", "rrmm-copd");
        assertEquals(1, failing.code(), failing.out() + failing.err());
        assertTrue(failing.out().contains("US.setting: expected \"NDMM_TRANSPLANT_ELIGIBLE\", got \"RRMM\""), failing.out());

        CliTest.Run update = run("rules", "test", "--rules", RULES.toString(), "--samples", samples.toString(), "--scenario", "rrmm-copd", "--update");
        assertEquals(0, update.code(), update.out() + update.err());
        assertTrue(update.out().contains("UPDATE scenario rrmm-copd:"), update.out());
        assertTrue(update.out().contains("US.setting: expected \"NDMM_TRANSPLANT_ELIGIBLE\", got \"RRMM\""), "the change is shown before it is written:\n" + update.out());
        assertEquals(reviewed, Files.readString(samples.resolve("rrmm-copd.expected.json")), "rewritten as the reviewed file");
        assertEquals(0, run("rules", "test", "--rules", RULES.toString(), "--samples", samples.toString(), "--scenario", "rrmm-copd").code());
    }

    @Test
    void anUnreachableRuleFailsCoverage() throws IOException {
        Path rules = copyOfRules();
        edit(rules.resolve("flags/washout.drl"), "$w : AntiCd38Washout( band == WashoutBand.SHORT )",
                "$w : AntiCd38Washout( band == WashoutBand.SHORT, days < 0 )");
        // A case file that mirrors no DRL file (a misnamed copy) fails too: cases live at the path of the rules they test.
        Files.move(rules.resolve("tests/flags/washout.yaml"), rules.resolve("tests/flags/washouts.yaml"));
        // A rule no case names in fired: (the trial-evidence cases gone) and an eligibility rule without a near miss fail too.
        Files.delete(rules.resolve("tests/rank/trial-evidence.yaml"));
        edit(rules.resolve("tests/eligibility/common.yaml"), "notFired: [ELIG-COMMON-02]", "notFired: []");
        CliTest.Run r = run("rules", "coverage", "--rules", rules.toString(), "--samples", SAMPLES.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("FLAG-WASHOUT-01: a last anti-CD38 dose less than {washoutIntermediateFromDays()} days ago is a short washout"), r.out());
        assertTrue(r.out().contains("FAIL: 1 rule(s) fired in no scenario or case"), r.out());
        assertTrue(r.out().contains("flags/washouts.yaml (no flags/washouts.drl)"), r.out());
        assertTrue(r.out().contains("FAIL: 1 case file(s) mirror no DRL file"), r.out());
        assertTrue(r.out().matches("(?s).*FAIL: \\d+ rule\\(s\\) named by no case's fired:.*"), r.out());
        // which trial-evidence rules only that file named changes as other files gain cases; one of them is listed
        assertTrue(r.out().matches("(?s).*rank/trial-evidence\\.drl:\\d+: RANK-TRIAL-[A-Z0-9-]+.*"), r.out());
        assertTrue(r.out().matches("(?s).*FAIL: \\d+ eligibility or flag rule\\(s\\) named by no near miss's notFired:.*"), r.out());
        assertTrue(r.out().contains("ELIG-COMMON-02"), r.out());
    }

    @Test
    void aBrokenRuleDirectoryExitsFourFromTestCoverageAndDiff() throws IOException {
        Path rules = copyOfRules();
        edit(rules.resolve("eligibility/isa-kd.drl"), "$e.getPeriod()", "$e.getPeriodd()");
        assertEquals(4, run("rules", "test", "--rules", rules.toString(), "--samples", SAMPLES.toString()).code());
        assertEquals(4, run("rules", "diff", RULES.toString(), rules.toString(), "--samples", SAMPLES.toString()).code());
    }

    @Test
    void aWarningFlagWithoutAnActionIsAWarningThatFailsStrict() throws IOException {
        Path rules = copyOfRules();
        edit(rules.resolve("flags/washout.drl"), "            Outputs.action(\"Discuss before choosing: after a washout under \" + washoutIntermediateFromDays()",
                "            // Outputs.action(\"Discuss before choosing: after a washout under \" + washoutIntermediateFromDays()");
        CliTest.Run lenient = run("rules", "validate", "--rules", rules.toString());
        assertEquals(0, lenient.code(), lenient.out() + lenient.err());
        assertTrue(lenient.out().matches("(?s).*washout\\.drl:\\d+:\\d+: warning: rule FLAG-WASHOUT-01 raises ANTI_CD38_WASHOUT_SHORT "
                + "as WARNING without an action.*"), lenient.out());
        CliTest.Run strict = run("rules", "validate", "--strict", "--rules", rules.toString());
        assertEquals(4, strict.code(), strict.out());
        assertTrue(strict.out().contains("0 error(s), 1 warning(s) (warnings fail with --strict)"), strict.out());
    }

    @Test
    void theRulebookIsDeterministicAndReadable() throws IOException {
        CliTest.Run a = run("rules", "docs", "--rules", RULES.toString(), "-o", tmp.resolve("a").toString());
        CliTest.Run b = run("rules", "docs", "--rules", RULES.toString(), "-o", tmp.resolve("b").toString());
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        byte[] first = Files.readAllBytes(tmp.resolve("a/rulebook.md"));
        assertArrayEquals(first, Files.readAllBytes(tmp.resolve("b/rulebook.md")));
        String md = new String(first, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(md.contains("Decision support for clinicians; not a prescription."));
        assertTrue(md.contains("| ISA-KD-ELIG-01 | US | prior-lines | MET | 1 to 3 prior lines meet the US Isa-Kd indication | SARC-USPI |"), md);
        assertTrue(md.contains("### `ANTI_CD38_WASHOUT_SHORT` (WARNING)"), md);
        assertTrue(md.contains("Action: “Consider prescribing short- and long-acting bronchodilators and inhaled corticosteroids"), md);
        assertTrue(md.contains("Action: “Discuss before choosing: each listed regimen's pivotal trial excluded"), "a shared action's wording: " + md);
        assertTrue(md.contains("### `RENAL_FUNCTION_UNKNOWN`"), md);
        assertTrue(md.matches("(?s).*\\| IKEMA-L21 \\| .*\\| ISA-KD-TRIAL-01.*"), md);
        assertTrue(md.contains("## Terminology"), md);
        assertTrue(md.contains("#### `condition-copd` — Chronic obstructive pulmonary disease (COPD)"), md);
        assertTrue(md.contains("| ICD-10-CM | is-a `J44` | — | U | clinical-evidence.md §9.1 |"), md);
        assertTrue(md.contains("| RxNorm | `1721947` | daratumumab (ingredient) | V | clinical-evidence.md §9.4 (CIBMTR IG value set) |"), md);
        assertTrue(md.contains("Includes `condition-copd-moderate`, `condition-copd-severe`."), md);
        assertTrue(md.contains("Text (case-insensitive): contains “melphalan”"), md);
    }

    /**
     * A rule author shortens the short-washout band from 90 to 40 days in one function: the rule sentences, flag texts,
     * action and score label follow, the rulebook prints the new value next to its function, and the diff names the
     * boundary rule case the change moves.
     */
    @Test
    void aThresholdChangeIsFollowedByEveryTextTheRulebookAndTheDiff() throws IOException {
        Path rules = copyOfRules();
        edit(rules.resolve("derive/washout.drl"), "function long washoutIntermediateFromDays() { return 90; }",
                "function long washoutIntermediateFromDays() { return 40; }");
        CliTest.Run v = run("rules", "validate", "--strict", "--rules", rules.toString());
        assertEquals(0, v.code(), v.out() + v.err());

        CliTest.Run docs = run("rules", "docs", "--rules", rules.toString(), "-o", tmp.resolve("book40").toString());
        assertEquals(0, docs.code(), docs.err());
        String md = Files.readString(tmp.resolve("book40/rulebook.md"));
        assertTrue(md.contains("**FLAG-WASHOUT-01** — trigger: a last anti-CD38 dose less than 40 days ago"), md);
        assertTrue(md.contains("under 40 days. CD38 expression"), "the flag text: " + md);
        assertTrue(md.contains("Action: “Discuss before choosing: after a washout under 40 days"), "the action: " + md);
        assertTrue(md.contains("a last anti-CD38 dose 40 to 179 days ago is an intermediate washout"), md);
        assertTrue(md.contains("(short <40, intermediate 40-179, adequate >=180 days)"), "the derive rule's sentence: " + md);
        assertTrue(md.contains("| `washoutIntermediateFromDays()` | **40** | days | derive/washout.drl:"), "the threshold table: " + md);
        for (String stale : List.of("less than 90 days", "under 90 days", "90 to 179", "<90,", "| **90** | days | derive/washout.drl")) {
            assertTrue(!md.contains(stale), "no washout text keeps the old number: " + stale);
        }

        CliTest.Run d = run("rules", "diff", RULES.toString(), rules.toString(), "--samples", SAMPLES.toString());
        assertEquals(0, d.code(), d.err());
        assertTrue(d.out().contains("case flags/washout.yaml: washout 89 days after the last daratumumab dose is short (both)\n"
                + "  case result: passes → fails: US rule FLAG-WASHOUT-01: expected to fire, did not"), d.out());
        assertTrue(d.out().contains("rrmm-prior-dara-short-washout (US)"), d.out());
        assertTrue(d.out().contains("rule case result(s) change."), d.out());
    }

    @Test
    void aSentenceQuotingAStaleNumberFailsValidate() throws IOException {
        Path rules = copyOfRules();
        edit(rules.resolve("derive/washout.drl"), "function long washoutIntermediateFromDays() { return 90; }",
                "function long washoutIntermediateFromDays() { return 40; }");
        edit(rules.resolve("flags/washout.drl"), "dose less than {washoutIntermediateFromDays()} days ago", "dose less than 90 days ago");
        edit(rules.resolve("rank/pivotal-evidence.drl"), "\"Short anti-CD38 washout (under \" + washoutIntermediateFromDays() + \" days)\"",
                "\"Short anti-CD38 washout (under 90 days)\"");
        CliTest.Run v = run("rules", "validate", "--rules", rules.toString());
        assertEquals(4, v.code(), v.out() + v.err());
        assertTrue(v.out().matches("(?s).*/flags/washout\\.drl:\\d+:\\d+: error: rule FLAG-WASHOUT-01 says \"90 days\", but the thresholds it "
                + "depends on are .*washoutIntermediateFromDays\\(\\) = 40 .*"), v.out());
        assertTrue(v.out().matches("(?s).*/rank/pivotal-evidence\\.drl:\\d+:\\d+: error: rule RANK-WASHOUT-01 prints \"90 days\".*"), v.out());
        assertTrue(v.out().contains("2 error(s)"), v.out());
    }

    @Test
    void aMisspeltRuleIdInACaseIsAnError() throws IOException {
        Path rules = copyOfRules();
        edit(rules.resolve("tests/flags/washout.yaml"), "notFired: [FLAG-WASHOUT-02]", "notFired: [FLAG-WASHOT-02]");
        CliTest.Run v = run("rules", "validate", "--rules", rules.toString());
        assertEquals(4, v.code(), v.out() + v.err());
        assertTrue(v.out().matches("(?s).*tests/flags/washout\\.yaml:\\d+: error: case '.*': notFired names rule "
                + "FLAG-WASHOT-02, which is not in the rulebase \\(did you mean FLAG-WASHOUT-02\\?\\).*"), v.out());
        CliTest.Run t = run("rules", "test", "--rules", rules.toString(), "--samples", SAMPLES.toString(), "--scenario", "washout 89 days");
        assertEquals(1, t.code(), t.out() + t.err());
        assertTrue(t.out().contains("notFired names rule FLAG-WASHOT-02, which is not in the rulebase"), t.out());
    }

    /** The Drools parser crashes on a misspelt then in a file's last rule; the author still gets file:line:column. */
    @Test
    void aParserCrashIsReportedAsFileLineColumnWithTheRuleNeverAStackTrace() throws IOException {
        Path rules = copyOfRules();
        Path washout = rules.resolve("flags/washout.drl");
        String text = Files.readString(washout);
        // A copy of FLAG-WASHOUT-01 as the file's last rule with "then" written "thenx (": the unclosed parenthesis runs
        // into the end of the file, which the DRL parser does not recover from (it throws instead of reporting).
        int start = text.indexOf("rule \"FLAG-WASHOUT-01:");
        int end = text.indexOf("\nend\n", start) + "\nend\n".length();
        String broken = text.substring(start, end).replace("FLAG-WASHOUT-01:", "FLAG-WASHOUT-99:").replace("\nthen\n", "\nthenx (\n");
        assertTrue(start >= 0 && broken.contains("\nthenx (\n    insertLogical("), "test setup: FLAG-WASHOUT-01 changed shape");
        Files.writeString(washout, text + "\n" + broken);
        CliTest.Run v = run("rules", "validate", "--rules", rules.toString());
        assertEquals(4, v.code(), v.out() + v.err());
        assertTrue(v.out().matches("(?s)" + java.util.regex.Pattern.quote(rules + "/flags/washout.drl") + ":\\d+:\\d+: error: syntax error "
                + "the parser could not recover from.* in rule \"FLAG-WASHOUT-99: .*"), v.out());
        // The file's rules still exist for the cases that name them: one syntax error, not one error per case.
        assertFalse(v.out().contains("which is not in the rulebase"), v.out());
        assertTrue(v.out().contains(" 1 error(s)"), v.out());
        CliTest.Run e = run("evaluate", SAMPLES.resolve("rrmm-copd.json").toString(), "--rules", rules.toString());
        assertEquals(4, e.code(), e.err());
        assertTrue(e.err().contains(rules + "/flags/washout.drl:"), "the directory given: " + e.err());
        for (String out : List.of(v.out() + v.err(), e.err())) {
            assertTrue(!out.contains("Stack trace") && !out.contains("Exception") && !out.contains("\tat org."), out);
        }
    }
}
