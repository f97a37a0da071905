package org.myelomacds.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Flag;
import org.myelomacds.assessment.NotRecommended;
import org.myelomacds.assessment.Recommendation;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a scenario's &lt;name&gt;.expected.json pins down for one jurisdiction: setting, prior lines, each regimen's
 * status and rank, each flag code with its severities and the regimens it is raised for, and the data-gap codes.
 * Severities and flag-regimen pairs are pinned because they are decisions too: a rule change that turns a safety
 * WARNING into an INFO, or moves a flag off the regimen it warns about, must fail the scenarios (and so the
 * hot-reload gate) as surely as a changed status. Texts, scores and hashes are left out on purpose, so a rewording or
 * a comment change does not break every scenario while a changed decision always does.
 */
public final class ExpectedResult {
    private ExpectedResult() {}

    public static ObjectNode of(Assessment a) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("setting", a.setting());
        n.put("priorLines", a.findings().priorTherapy().priorLines());
        ObjectNode regimens = n.putObject("regimens");
        for (Recommendation r : a.recommendations()) {
            regimens.putObject(r.regimen()).put("status", r.status()).put("rank", r.rank());
        }
        for (NotRecommended r : a.notRecommended()) {
            regimens.putObject(r.regimen()).put("status", r.status());
        }
        ObjectNode sorted = JsonNodeFactory.instance.objectNode();
        TreeSet<String> ids = new TreeSet<>();
        regimens.fieldNames().forEachRemaining(ids::add);
        ids.forEach(k -> sorted.set(k, regimens.get(k)));
        n.set("regimens", sorted);
        n.set("flags", flags(a));
        TreeSet<String> gaps = new TreeSet<>();
        a.dataGaps().forEach(g -> gaps.add(g.code()));
        ArrayNode ga = n.putArray("dataGaps");
        gaps.forEach(ga::add);
        return n;
    }

    /** code → severity → regimens (sorted; an empty list for a flag about the patient rather than a regimen). */
    private static ObjectNode flags(Assessment a) {
        Map<String, Map<String, TreeSet<String>>> byCode = new TreeMap<>();
        for (Flag f : a.flags()) {
            byCode.computeIfAbsent(f.code(), c -> new TreeMap<>())
                    .computeIfAbsent(f.severity(), s -> new TreeSet<>())
                    .addAll(f.regimens());
        }
        ObjectNode flags = JsonNodeFactory.instance.objectNode();
        byCode.forEach((code, severities) -> {
            ObjectNode bySeverity = flags.putObject(code);
            severities.forEach((severity, regimens) -> {
                ArrayNode ra = bySeverity.putArray(severity);
                regimens.forEach(ra::add);
            });
        });
        return flags;
    }

    /** A readable list of differences between expected and actual, field by field. */
    public static String diff(JsonNode expected, JsonNode actual, String path) {
        StringBuilder b = new StringBuilder();
        if (expected == null || actual == null || expected.getNodeType() != actual.getNodeType() || expected.isValueNode() || expected.isArray()) {
            if (!java.util.Objects.equals(expected, actual)) b.append("  ").append(path).append(": expected ")
                    .append(expected).append(", got ").append(actual).append('\n');
            return b.toString();
        }
        TreeSet<String> keys = new TreeSet<>();
        expected.fieldNames().forEachRemaining(keys::add);
        actual.fieldNames().forEachRemaining(keys::add);
        for (String k : keys) b.append(diff(expected.get(k), actual.get(k), path.isEmpty() ? k : path + "." + k));
        return b.toString();
    }
}
