package org.myelomacds.authoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.TraceEntry;
import org.myelomacds.engine.RegimenStatus;
import org.myelomacds.engine.RuleLocation;
import org.myelomacds.engine.RuleMetadata;
import org.myelomacds.engine.Rulebase;
import org.myelomacds.scenario.ScenarioOutcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the scenarios and rule unit cases exercise: rules that fired, regimen statuses, flag and data-gap codes, and
 * the evidence the rules cite. A rule that fires in no scenario and no case is untested; CI fails on it, and on a case
 * file that mirrors no DRL file (rules/tests/flags/renal.yaml holds the cases of rules/flags/renal.drl).
 *
 * <p>Firing somewhere is weak evidence: a rule reached only by a whole sample is checked by nothing that names it. So
 * the report also lists the rules no case names in {@code fired:} and the eligibility and flag rules no case names in
 * {@code notFired:} (a near miss: the patient just outside the rule's condition). Those lists are the way to a gate
 * that requires both for every rule; until they are empty the tests hold them to a ceiling that may only fall.
 */
public record Coverage(int scenarios, int cases, List<RuleLocation> rulesNotFired, int rules,
                       Map<String, List<String>> statusesNotReached, List<String> flagCodesNotRaised,
                       List<String> gapCodesNotRaised, List<String> evidenceNotCited, Map<String, List<String>> firedBy,
                       List<RuleLocation> rulesNotNamedFired, List<RuleLocation> rulesWithoutNearMiss,
                       List<String> caseFilesWithoutDrl) {

    /** ARCHITECTURE.md §6: the flag codes every rulebase must be able to raise. */
    public static final List<String> CONTRACT_FLAGS = List.of("ANTI_CD38_WASHOUT_SHORT", "ANTI_CD38_WASHOUT_INTERMEDIATE",
            "ANTI_CD38_REFRACTORY", "RENAL_BELOW_TRIAL_THRESHOLD", "RENAL_DOSE_ADJUSTMENT", "DARA_COPD_PROPHYLAXIS",
            "PULMONARY_TRIAL_EXCLUSION", "TYPE_AND_SCREEN", "IFE_INTERFERENCE", "DEXAMETHASONE_DOSE_REDUCTION", "HBV_SCREENING",
            "CARFILZOMIB_CARDIAC_RISK", "BORTEZOMIB_NEUROPATHY", "PARTNER_DRUG_REFRACTORY", "HYPERSENSITIVITY", "OUTSIDE_TRIAL_AGE");
    /** ARCHITECTURE.md §6: the data-gap codes every rulebase must be able to raise. */
    public static final List<String> CONTRACT_GAPS = List.of("DIAGNOSIS_UNCONFIRMED", "RENAL_FUNCTION_UNKNOWN", "RENAL_RESULT_STALE",
            "PRIOR_THERAPY_UNKNOWN", "REFRACTORY_STATUS_UNKNOWN", "TRANSPLANT_ELIGIBILITY_UNKNOWN", "PULMONARY_FUNCTION_UNKNOWN");

    private static final Pattern FLAG_CODE = Pattern.compile("Outputs\\.flag\\(\\s*kcontext\\s*,\\s*\"([A-Z0-9_]+)\"");
    private static final Pattern GAP_CODE = Pattern.compile("Outputs\\.gap\\(\\s*kcontext\\s*,\\s*\"([A-Z0-9_]+)\"");

    public boolean complete() { return rulesNotFired.isEmpty() && caseFilesWithoutDrl.isEmpty(); }

    /** Rule folders whose rules must each have a near-miss case: the ones that decide for or against a regimen. */
    public static final List<String> NEAR_MISS_FOLDERS = List.of("eligibility/", "flags/");

    public static Coverage of(SuiteRun run) {
        Rulebase rb = run.rulebase();
        List<Assessment> all = new ArrayList<>();
        Map<String, TreeSet<String>> firedBy = new TreeMap<>();
        for (ScenarioOutcome o : run.scenarios()) {
            o.assessments().forEach((j, a) -> {
                all.add(a);
                for (TraceEntry t : a.trace()) if (t.inEffect()) firedBy.computeIfAbsent(t.rule(), k -> new TreeSet<>()).add("scenario " + o.scenario().name());
            });
        }
        for (RuleCaseRunner.Outcome o : run.cases()) {
            o.assessments().forEach((j, a) -> {
                all.add(a);
                for (TraceEntry t : a.trace()) if (t.inEffect()) firedBy.computeIfAbsent(t.rule(), k -> new TreeSet<>()).add("case " + o.ruleCase().name());
            });
        }
        List<RuleLocation> notFired = new ArrayList<>();
        List<RuleLocation> byPlace = rb.ruleIndex().all().values().stream()
                .sorted((a, b) -> a.file().equals(b.file()) ? Integer.compare(a.line(), b.line()) : a.file().compareTo(b.file()))
                .toList();
        byPlace.forEach(l -> { if (!firedBy.containsKey(l.id())) notFired.add(l); });

        Set<String> namedFired = new TreeSet<>();
        Set<String> namedNotFired = new TreeSet<>();
        Set<String> caseFilesWithoutDrl = new TreeSet<>();
        for (RuleCaseRunner.Outcome o : run.cases()) {
            namedFired.addAll(o.ruleCase().expect().fired());
            namedNotFired.addAll(o.ruleCase().expect().notFired());
            String drl = RuleCaseSuite.mirroredDrl(o.ruleCase());
            if (!run.files().drl().containsKey(drl)) caseFilesWithoutDrl.add(o.ruleCase().relativeFile() + " (no " + drl + ")");
        }
        List<RuleLocation> notNamedFired = byPlace.stream().filter(l -> !namedFired.contains(l.id())).toList();
        List<RuleLocation> withoutNearMiss = byPlace.stream()
                .filter(l -> NEAR_MISS_FOLDERS.stream().anyMatch(f -> l.file().startsWith(f) || l.file().contains("/" + f)))
                .filter(l -> !namedNotFired.contains(l.id())).toList();

        Map<String, Set<String>> reached = new TreeMap<>();
        Set<String> flags = new TreeSet<>();
        Set<String> gaps = new TreeSet<>();
        for (Assessment a : all) {
            RuleCaseRunner.statuses(a).forEach((r, s) -> reached.computeIfAbsent(r, k -> new TreeSet<>()).add(s));
            a.flags().forEach(f -> flags.add(f.code()));
            a.dataGaps().forEach(g -> gaps.add(g.code()));
        }
        Map<String, List<String>> statusesNotReached = new TreeMap<>();
        for (String regimen : new TreeSet<>(rb.regimens().regimens().keySet())) {
            List<String> missing = new ArrayList<>();
            for (RegimenStatus s : RegimenStatus.values()) {
                if (!reached.getOrDefault(regimen, Set.of()).contains(s.name())) missing.add(s.name());
            }
            statusesNotReached.put(regimen, missing);
        }
        TreeSet<String> flagCodes = new TreeSet<>(CONTRACT_FLAGS);
        TreeSet<String> gapCodes = new TreeSet<>(CONTRACT_GAPS);
        for (String text : drlTexts(run)) {
            Matcher m = FLAG_CODE.matcher(text);
            while (m.find()) flagCodes.add(m.group(1));
            m = GAP_CODE.matcher(text);
            while (m.find()) gapCodes.add(m.group(1));
        }
        flagCodes.removeAll(flags);
        gapCodes.removeAll(gaps);

        TreeSet<String> cited = new TreeSet<>();
        rb.kieBase().getKiePackages().forEach(p -> p.getRules().forEach(r -> cited.addAll(RuleMetadata.evidenceOf(r))));
        TreeSet<String> uncited = new TreeSet<>(rb.evidence().entries().keySet());
        uncited.removeAll(cited);

        Map<String, List<String>> firedByOut = new LinkedHashMap<>();
        firedBy.forEach((k, v) -> firedByOut.put(k, List.copyOf(v)));
        return new Coverage(run.scenarios().size(), run.cases().size(), List.copyOf(notFired), rb.ruleIndex().all().size(),
                statusesNotReached, List.copyOf(flagCodes), List.copyOf(gapCodes), List.copyOf(uncited), firedByOut,
                notNamedFired, withoutNearMiss, List.copyOf(caseFilesWithoutDrl));
    }

    private static List<String> drlTexts(SuiteRun run) {
        return List.copyOf(run.files().drl().values());
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        b.append("Coverage over ").append(scenarios).append(" scenario(s) (US and EU) and ").append(cases).append(" rule case(s)\n");
        b.append("\nRules that fired in no scenario or case: ").append(rulesNotFired.size()).append(" of ").append(rules).append('\n');
        for (RuleLocation l : rulesNotFired) b.append("  ").append(l.file()).append(':').append(l.line()).append(": ").append(l.name()).append('\n');
        b.append("\nRegimen statuses no scenario reaches (many are impossible by design, e.g. OFF_LABEL_EVIDENCE where both labels exist):\n");
        statusesNotReached.forEach((r, s) -> b.append("  ").append(r).append(": ").append(s.isEmpty() ? "(all reached)" : String.join(", ", s)).append('\n'));
        b.append("\nFlag codes never raised: ").append(flagCodesNotRaised.isEmpty() ? "none" : String.join(", ", flagCodesNotRaised)).append('\n');
        b.append("Data-gap codes never raised: ").append(gapCodesNotRaised.isEmpty() ? "none" : String.join(", ", gapCodesNotRaised)).append('\n');
        b.append("Evidence ids no rule cites: ").append(evidenceNotCited.size()).append(evidenceNotCited.isEmpty() ? "" : " — " + String.join(", ", evidenceNotCited)).append('\n');
        b.append("\nRules no rule case names in fired: ").append(rulesNotNamedFired.size()).append(" of ").append(rules).append('\n');
        for (RuleLocation l : rulesNotNamedFired) b.append("  ").append(l.file()).append(':').append(l.line()).append(": ").append(l.id()).append('\n');
        b.append("\nEligibility and flag rules no near-miss case names in notFired: ").append(rulesWithoutNearMiss.size()).append('\n');
        for (RuleLocation l : rulesWithoutNearMiss) b.append("  ").append(l.file()).append(':').append(l.line()).append(": ").append(l.id()).append('\n');
        if (!caseFilesWithoutDrl.isEmpty()) {
            b.append("\nCase files that mirror no DRL file (rules/tests/<dir>/<file>.yaml holds the cases of rules/<dir>/<file>.drl):\n");
            caseFilesWithoutDrl.forEach(f -> b.append("  ").append(f).append('\n'));
        }
        if (complete()) b.append("\nOK: every rule fired at least once\n");
        else {
            if (!rulesNotFired.isEmpty()) b.append("\nFAIL: ").append(rulesNotFired.size())
                    .append(" rule(s) fired in no scenario or case; add a scenario or a rule case (rules/tests/) that reaches each\n");
            if (!caseFilesWithoutDrl.isEmpty()) b.append("\nFAIL: ").append(caseFilesWithoutDrl.size())
                    .append(" case file(s) mirror no DRL file; move their cases to the file named for the rules they test\n");
        }
        return b.toString();
    }

    public String json() {
        try {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scenarios", scenarios);
            m.put("cases", cases);
            m.put("rules", rules);
            m.put("rulesNotFired", rulesNotFired.stream().map(l -> Map.of("rule", l.id(), "name", l.name(), "file", l.file(), "line", l.line())).toList());
            m.put("statusesNotReached", statusesNotReached);
            m.put("flagCodesNotRaised", flagCodesNotRaised);
            m.put("gapCodesNotRaised", gapCodesNotRaised);
            m.put("evidenceNotCited", evidenceNotCited);
            m.put("firedBy", firedBy);
            m.put("rulesNotNamedFired", rulesNotNamedFired.stream().map(RuleLocation::id).toList());
            m.put("rulesWithoutNearMiss", rulesWithoutNearMiss.stream().map(RuleLocation::id).toList());
            m.put("caseFilesWithoutDrl", caseFilesWithoutDrl);
            m.put("complete", complete());
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsString(m) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
