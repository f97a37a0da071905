package org.myelomacds.engine;

import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.myelomacds.evidence.EvidenceCatalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Invariants a rulebase must hold before it may answer: every rule is named "ID: sentence" with a unique id, and
 * declares @evidence ids that all exist in rules/evidence.yaml. A rule that cannot be traced to a citation never ships.
 */
final class RulebaseChecks {
    static final Pattern RULE_ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");

    private RulebaseChecks() {}

    static List<RuleProblem> check(KieBase kieBase, RuleIndex index, EvidenceCatalogue evidence) {
        return check(kieBase, index, evidence, null);
    }

    /**
     * With the regimen catalogue as well: every @indication a rule declares names a label indication of rules/regimens.yaml,
     * and every label indication cites evidence ids that exist, so a label date can always be traced to its approval.
     */
    static List<RuleProblem> check(KieBase kieBase, RuleIndex index, EvidenceCatalogue evidence,
                                   org.myelomacds.evidence.RegimenCatalogue regimens) {
        List<RuleProblem> problems = new ArrayList<>();
        if (regimens != null) {
            for (var i : regimens.indications().values()) {
                for (String e : i.evidence()) {
                    if (!evidence.contains(e)) {
                        problems.add(new RuleProblem("rules/regimens.yaml", 0, 0, "ERROR", "label indication " + i.key()
                                + " cites evidence " + e + ", which is not in rules/evidence.yaml"));
                    }
                }
            }
        }
        Map<String, String> ids = new HashMap<>();
        List<Rule> rules = new ArrayList<>();
        kieBase.getKiePackages().forEach(p -> rules.addAll(p.getRules()));
        rules.sort((a, b) -> a.getName().compareTo(b.getName()));
        for (Rule rule : rules) {
            RuleLocation loc = index.find(rule.getName())
                    .orElse(new RuleLocation(rule.getName(), RuleLocation.idOf(rule.getName()), "rules/(unknown file)", 0));
            String id = loc.id();
            if (!rule.getName().contains(":") || !RULE_ID.matcher(id).matches()) {
                problems.add(new RuleProblem(loc.file(), loc.line(), 0, "ERROR",
                        "rule \"" + rule.getName() + "\" must be named \"ID: sentence\" with an id like ISA-KD-ELIG-01"));
            }
            String previous = ids.putIfAbsent(id, rule.getName());
            if (previous != null) {
                problems.add(new RuleProblem(loc.file(), loc.line(), 0, "ERROR",
                        "rule id " + id + " is used twice (also by \"" + previous + "\")"));
            }
            List<String> cited = RuleMetadata.evidenceOf(rule);
            if (cited.isEmpty()) {
                problems.add(new RuleProblem(loc.file(), loc.line(), 0, "ERROR",
                        "rule " + id + " declares no @evidence; every rule must cite its source"));
            }
            if (regimens != null) {
                for (String key : RuleMetadata.labelsOf(rule)) {
                    if (!regimens.indications().containsKey(key)) {
                        problems.add(new RuleProblem(loc.file(), loc.line(), 0, "ERROR", "rule " + id + " declares @indication " + key
                                + ", which is not a label indication of rules/regimens.yaml (write REGIMEN/id, e.g. DARA_VRD/US-SC-TI)"));
                    }
                }
            }
            String concept = RuleMetadata.conceptOf(rule);
            if (concept != null && org.myelomacds.assessment.DerivedConcept.named(concept).isEmpty()) {
                problems.add(new RuleProblem(loc.file(), loc.line(), 0, "ERROR", "rule " + id + " declares @concept " + concept
                        + ", which is not a derived concept (one of " + java.util.Arrays.toString(
                        org.myelomacds.assessment.DerivedConcept.values()) + ")"));
            }
            for (String e : cited) {
                if (!evidence.contains(e)) {
                    problems.add(new RuleProblem(loc.file(), loc.line(), 0, "ERROR",
                            "rule " + id + " cites @evidence " + e + ", which is not in rules/evidence.yaml"));
                }
            }
        }
        return problems;
    }
}
