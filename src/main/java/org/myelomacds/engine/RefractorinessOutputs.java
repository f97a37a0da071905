package org.myelomacds.engine;

import org.kie.api.runtime.rule.RuleContext;
import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.DosingPeriod;
import org.myelomacds.facts.DrugExposure;
import org.myelomacds.facts.PriorLine;
import org.myelomacds.facts.Refractoriness;

/**
 * What rules/derive/refractoriness.drl calls to state a refractoriness: the fact with the firing rule (id and
 * @evidence), so findings and reports name the rule that decided each drug (the drug's own course, DERIVE-REFRACTORY-01,
 * or its line, DERIVE-REFRACTORY-03), not one rule for all. Decisions stay in the rules.
 */
public final class RefractorinessOutputs {
    private RefractorinessOutputs() {}

    /** Decided by the drug's own course. */
    public static Refractoriness byCourse(RuleContext ctx, DrugExposure e, DosingPeriod d, DiseaseStatus p) {
        return new Refractoriness(e, d, p, null, Outputs.ruleRef(ctx));
    }

    /** Decided by the line that gave the drug. */
    public static Refractoriness byLine(RuleContext ctx, DrugExposure e, DosingPeriod d, DiseaseStatus p, PriorLine l) {
        return new Refractoriness(e, d, p, l, Outputs.ruleRef(ctx));
    }
}
