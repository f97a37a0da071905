package org.myelomacds.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelomacds.engine.CompileMode;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportCommandTest {
    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String sample(String name) { return Samples.samplesDir().resolve(name).toString(); }

    @Test
    void htmlReportGoesToStandardOutputOrAFile(@TempDir Path dir) throws IOException {
        Run r = run("report", sample("rrmm-prior-dara-short-washout.json"), "--as-of", "2026-11-01");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("<!DOCTYPE html>") && r.out().contains("ANTI_CD38_WASHOUT_SHORT"));
        Path md = dir.resolve("out/report.md");
        Run m = run("report", sample("rrmm-prior-dara-short-washout.json"), "--as-of", "2026-11-01", "--format", "markdown",
                "--jurisdiction", "EU", "-o", md.toString());
        assertEquals(0, m.code(), m.err());
        String text = Files.readString(md);
        assertTrue(text.contains("## 6. Evidence") && text.contains("; jurisdiction EU."), text.substring(0, 400));
        assertTrue(text.contains("[MIKHAEL21](#ev-MIKHAEL21)") && text.contains("<a id=\"ev-MIKHAEL21\"></a>"), "anchors");
    }

    @Test
    void exitCodesMatchEvaluate(@TempDir Path dir) throws IOException {
        assertEquals(3, run("report", dir.resolve("nope.json").toString()).code());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"resourceType\": \"Bundle\", ");
        Run r = run("report", bad.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("bad.json"), r.err());
        assertEquals(2, run("report").code(), "BUNDLE or --batch is required");
        assertEquals(2, run("report", "--batch", dir.toString()).code(), "--batch needs -o");
    }

    @Test
    void batchWritesEveryReadableBundleAnIndexAndASummaryOfTheRest(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in")), out = dir.resolve("out");
        Files.copy(Samples.samplesDir().resolve("rrmm-prior-dara-short-washout.json"), in.resolve("a-dara.json"));
        Files.copy(Samples.samplesDir().resolve("rrmm-renal-severe.json"), in.resolve("b-renal.json"));
        Files.copy(Samples.samplesDir().resolve("rrmm-renal-severe.expected.json"), in.resolve("b-renal.expected.json"));
        Files.writeString(in.resolve("c-corrupt.json"), "{ this is not json");
        Run r = run("report", "--batch", in.toString(), "-o", out.toString(), "--as-of", "2026-11-01");
        assertEquals(3, r.code(), "a bundle failed: exit 3");
        assertTrue(Files.exists(out.resolve("a-dara.html")) && Files.exists(out.resolve("b-renal.html")));
        assertFalse(Files.exists(out.resolve("c-corrupt.html")));
        assertFalse(Files.exists(out.resolve("b-renal.expected.html")), "scenario expectation files are not bundles");
        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains("href=\"a-dara.html\"") && index.contains("pt-darashort"), index);
        var dara = Samples.evaluate(Samples.samplesDir().resolve("rrmm-prior-dara-short-washout.json"),
                Jurisdiction.US, CompileMode.EXECUTABLE_MODEL);
        String top = dara.recommendations().get(0).name();
        assertTrue(index.contains(top), "top option in the index: " + top);
        // In words, not codes: the setting, the top option's status; flags counted by severity, INFO apart.
        String row = index.substring(index.indexOf("pt-darashort"), index.indexOf("</tr>", index.indexOf("pt-darashort")));
        assertTrue(row.contains("relapsed or refractory") && row.contains("eligible, with cautions, score "), row);
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("\\b(?:RRMM|NDMM_[A-Z_]+|ELIGIBLE[A-Z_]*|[A-Z]+_[A-Z_]+)\\b").matcher(row.replaceAll("<[^>]+>", " "));
        assertFalse(code.find(), "a code in the index row: " + row);
        java.util.List<String> numbers = new java.util.ArrayList<>();
        java.util.regex.Matcher num = java.util.regex.Pattern.compile("<td class=\"num\">(\\d+)</td>").matcher(row);
        while (num.find()) numbers.add(num.group(1));
        java.util.function.Function<String, String> count = sev -> String.valueOf(dara.flags().stream().filter(f -> sev.equals(f.severity())).count());
        assertEquals(java.util.List.of(String.valueOf(dara.recommendations().size()), count.apply("CRITICAL"), count.apply("WARNING"),
                count.apply("INFO"), String.valueOf(dara.dataGaps().size())), numbers, "ranked, critical, warnings, info, gaps: " + row);
        assertTrue(!count.apply("INFO").equals("0") && !count.apply("WARNING").equals("0"), "the sample has both, so the split is tested");
        assertTrue(index.contains("c-corrupt.json"), "the failure is listed in the index");
        assertTrue(r.err().contains("wrote 2 report(s)") && r.err().contains("1 bundle(s) could not be read")
                && r.err().contains("c-corrupt.json"), r.err());
        assertFalse(r.err().contains("[#"), "no progress bar when stderr is not a terminal");

        Files.delete(in.resolve("c-corrupt.json"));
        assertEquals(0, run("report", "--batch", in.toString(), "-o", out.toString(), "--as-of", "2026-11-01").code());
    }

    @Test
    void progressBarLineShowsCountAndName() {
        ProgressBar bar = new ProgressBar(new PrintStream(new ByteArrayOutputStream()), 4, true);
        bar.step("a.json");
        bar.step("b.json");
        assertEquals("[###############---------------] 2/4 c.json", bar.line("c.json"));
    }
}
