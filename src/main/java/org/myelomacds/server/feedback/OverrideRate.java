package org.myelomacds.server.feedback;

import java.util.Map;

/** Feedback counts for one rule id across all cards that carried it; reasons maps override reason code to count. */
public record OverrideRate(String ruleId, long accepted, long overridden, Map<String, Long> overrideReasons) {
    public OverrideRate {
        overrideReasons = Map.copyOf(overrideReasons);
    }

    public double rate() {
        long total = accepted + overridden;
        return total == 0 ? 0.0 : (double) overridden / total;
    }
}
