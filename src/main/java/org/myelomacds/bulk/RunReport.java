package org.myelomacds.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * run.json: what was read, what came out, how long it took and with which rulebase. Its {@code counts} always
 * satisfy {@code cohort = assessed + refused} (a PARTIAL patient is assessed and also listed in errors.ndjson);
 * both engines fill it, and {@link #checkBalance} refuses to write one that does not add up.
 */
public final class RunReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final ObjectNode root = JSON.createObjectNode();
    private final Map<String, Long> counts = new TreeMap<>();
    private final Map<String, Long> skipped = new TreeMap<>();
    private final ArrayNode files;

    public RunReport(String engine, ScreeningOptions o, String rulebaseVersion, String rulebaseSha256) {
        root.put("engine", engine);
        root.put("input", o.input().toString());
        root.put("output", o.output().toString());
        root.put("asOf", o.asOf().toString());
        root.put("jurisdiction", o.jurisdiction().name());
        root.put("allowPartial", o.allowPartial());
        root.put("cohort", o.wholePopulation() ? "every patient" : "multiple myeloma and precursor plasma-cell disorders");
        ObjectNode rb = root.putObject("rulebase");
        rb.put("version", rulebaseVersion);
        rb.put("sha256", rulebaseSha256);
        files = root.putArray("files");
        root.put("disclaimer", org.myelomacds.assessment.Assessment.DISCLAIMER);
        for (String key : new String[]{"patientsInExport", "cohort", "assessed", "refused", "rowsOut", "errorLines", "unusableLines"}) {
            counts.put(key, 0L);
        }
    }

    public ObjectNode root() { return root; }

    public void count(String key, long n) { counts.merge(key, n, Long::sum); }
    public long count(String key) { return counts.getOrDefault(key, 0L); }
    public void skipped(String reason, long n) { if (n > 0) skipped.merge(reason, n, Long::sum); }

    public void file(ExportFile f, long bytes, boolean read, long lines) {
        ObjectNode n = files.addObject();
        n.put("name", f.name());
        n.put("type", f.resourceType());
        n.put("bytes", bytes);
        n.put("read", read);
        if (read) n.put("lines", lines);
    }

    public void timing(String key, double seconds) {
        root.with("timings").put(key, Math.round(seconds * 1000) / 1000.0);
    }

    /** cohort = assessed + refused, rows = assessed; a run that does not add up is a bug, never a report. */
    public void checkBalance() {
        long cohort = count("cohort"), assessed = count("assessed"), refused = count("refused");
        if (cohort != assessed + refused || count("rowsOut") != assessed) {
            throw new IllegalStateException("screening lost patients: cohort " + cohort + ", assessed " + assessed
                    + ", refused " + refused + ", rows out " + count("rowsOut"));
        }
    }

    public void write(OutputStream out) throws IOException {
        root.set("counts", JSON.valueToTree(counts));
        root.set("skippedLines", JSON.valueToTree(skipped));
        JSON.writeValue(out, root);
    }
}
