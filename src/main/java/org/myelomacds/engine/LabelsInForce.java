package org.myelomacds.engine;

import org.myelomacds.evidence.LabelIndication;
import org.myelomacds.evidence.RegimenCatalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The label indications of the catalogue as they stood on the evaluation date, in one session fact. A rule that decides
 * a label criterion names the indications it rests on in {@code @indication("DARA_VRD/US-SC-TI, ...")}; {@link Outputs}
 * reads this fact to keep that criterion MET only when one of them was in force on asOf. A replay dated before an
 * approval therefore shows the regimen off label, as it was then.
 */
public final class LabelsInForce {
    private final LocalDate asOf;
    private final Map<String, LabelIndication> indications;

    public LabelsInForce(LocalDate asOf, RegimenCatalogue regimens) {
        this.asOf = asOf;
        this.indications = regimens.indications();
    }

    public LocalDate getAsOf() { return asOf; }

    /** The indications named by keys; an unknown key is a rulebase defect (RulebaseChecks refuses it before this). */
    public List<LabelIndication> find(List<String> keys) {
        List<LabelIndication> out = new ArrayList<>();
        for (String k : keys) {
            LabelIndication i = indications.get(k);
            if (i == null) throw new EvaluationException("@indication names " + k + ", which is not a label indication of rules/regimens.yaml");
            out.add(i);
        }
        return out;
    }
}
