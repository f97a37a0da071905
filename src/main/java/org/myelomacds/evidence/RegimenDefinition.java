package org.myelomacds.evidence;

import org.myelomacds.facts.Drug;

import java.util.List;
import java.util.Map;

/**
 * One regimen of rules/regimens.yaml: contract id, names, components, the evidence ids of its labels and its label
 * indications with the dates they took effect.
 */
public record RegimenDefinition(String id, String name, String shortName, Drug antiCd38, List<Drug> components,
                                List<String> classes, List<String> settings, List<PivotalTrial> pivotalTrials,
                                Map<String, List<String>> labelEvidence, List<LabelIndication> indications) {

    public RegimenDefinition {
        components = List.copyOf(components);
        classes = List.copyOf(classes);
        settings = List.copyOf(settings);
        pivotalTrials = List.copyOf(pivotalTrials);
        labelEvidence = Map.copyOf(labelEvidence);
        indications = List.copyOf(indications);
    }

    /** The label indications of one jurisdiction ("US", "EU"), in file order. */
    public List<LabelIndication> indications(String jurisdiction) {
        return indications.stream().filter(i -> i.jurisdiction().equals(jurisdiction)).toList();
    }

    /** A pivotal trial summary as the evidence table shows it. */
    public record PivotalTrial(String trial, String design, String setting, String comparator, String pfsHr,
                               List<String> evidence) {
        public PivotalTrial {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }
}
