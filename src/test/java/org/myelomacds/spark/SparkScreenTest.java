package org.myelomacds.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.myelomacds.bulk.ScreeningFixtures;

/**
 * The Spark job in local mode (loopback only) against the in-process engine on the same export, with a broken line
 * and a background without myeloma: the same assessments, errors, CSV rows and Parquet rows.
 */
class SparkScreenTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;

    @Test
    void sparkLocalAndInProcessGiveIdenticalOutputs() throws Exception {
        Path export = ScreeningFixtures.export(tmp.resolve("export"), 40, 50);
        String someone = Files.readAllLines(export.resolve("sources.csv")).stream().filter(l -> l.endsWith(",true"))
                .findFirst().orElseThrow().split(",")[0];
        Files.writeString(export.resolve("Observation.ndjson"), "{\"resourceType\":\"Observation\",\"subject\":{\"reference\":\"Patient/"
                + someone + "\"},\"valueQuantity\":{\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Path inProcess = tmp.resolve("in-process");
        ScreeningFixtures.Run run = ScreeningFixtures.cli("screen", "--input", export.toString(), "--output", inProcess.toString(),
                "--as-of", "2026-11-01", "--no-progress");
        assertEquals(0, run.exit(), run.err());

        Path spark = tmp.resolve("spark");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SparkScreen.run(new String[]{"--input", export.toString(), "--output", spark.toString(),
                "--as-of", "2026-11-01", "--master", "local[2]"}, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));

        JsonNode a = JSON.readTree(inProcess.resolve("run.json").toFile()).path("counts");
        JsonNode b = JSON.readTree(spark.resolve("run.json").toFile()).path("counts");
        for (String k : List.of("patientsInExport", "cohort", "assessed", "refused", "rowsOut", "errorLines", "unusableLines")) {
            assertEquals(a.path(k).asLong(), b.path(k).asLong(), k);
        }
        assertEquals(JSON.readTree(inProcess.resolve("run.json").toFile()).path("skippedLines"),
                JSON.readTree(spark.resolve("run.json").toFile()).path("skippedLines"));
        assertEquals(40, a.path("patientsInExport").asLong());
        assertEquals(20, a.path("cohort").asLong());
        assertEquals(1, a.path("refused").asLong());
        assertTrue(Files.isDirectory(spark.resolve("summary.parquet")));
        for (String f : List.of("assessments.ndjson", "errors.ndjson")) {
            assertEquals(ScreeningFixtures.text(inProcess.resolve(f)), ScreeningFixtures.text(spark.resolve(f)), f);
        }
        assertEquals(ScreeningFixtures.csvRows(inProcess.resolve("summary.csv")), ScreeningFixtures.csvRows(spark.resolve("summary.csv")));
        assertEquals(ScreeningFixtures.query("SELECT * FROM " + ScreeningFixtures.parquetSource(inProcess.resolve("summary.parquet")) + " ORDER BY patient_id"),
                ScreeningFixtures.query("SELECT * FROM " + ScreeningFixtures.parquetSource(spark.resolve("summary.parquet")) + " ORDER BY patient_id"));
    }

    @Test
    void theJvmOptionsAreSparksOwn() throws Exception {
        String[] spark = (String[]) Class.forName("org.apache.spark.launcher.JavaModuleOptions")
                .getMethod("defaultModuleOptionArray").invoke(null);
        List<String> ours = new ArrayList<>(org.myelomacds.cli.SparkProcessOptions.list());
        List<String> missing = new ArrayList<>(Arrays.asList(spark));
        missing.removeAll(ours);
        assertEquals(List.of(), missing, "module options Spark's launcher adds that screen --engine spark does not");
    }
}
