package org.myelomacds.bulk;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.parquet.io.LocalOutputFile;

/**
 * The files one screening writes, fed results in patient-id order: assessments.ndjson (one Assessment per line),
 * summary.csv, summary.parquet and errors.ndjson. The Spark job writes the same files as directories of parts,
 * each part through these same writers.
 */
public final class ScreeningOutputs implements AutoCloseable {
    public static final String ASSESSMENTS = "assessments.ndjson";
    public static final String SUMMARY_CSV = "summary.csv";
    public static final String SUMMARY_PARQUET = "summary.parquet";
    public static final String ERRORS = "errors.ndjson";
    public static final String RUN = "run.json";

    private final Writer assessments;
    private final Writer errors;
    private final SummaryCsvWriter csv;
    private final SummaryParquetWriter parquet;
    private long rows;
    private long errorLines;

    public ScreeningOutputs(Writer assessments, Writer errors, SummaryCsvWriter csv, SummaryParquetWriter parquet) {
        this.assessments = assessments;
        this.errors = errors;
        this.csv = csv;
        this.parquet = parquet;
    }

    /** The four files in a local directory (created; existing files of these names are replaced). */
    public static ScreeningOutputs inDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(SUMMARY_PARQUET));
        return new ScreeningOutputs(writer(Files.newOutputStream(dir.resolve(ASSESSMENTS))),
                writer(Files.newOutputStream(dir.resolve(ERRORS))),
                new SummaryCsvWriter(new BufferedOutputStream(Files.newOutputStream(dir.resolve(SUMMARY_CSV)), 1 << 16)),
                new SummaryParquetWriter(new LocalOutputFile(dir.resolve(SUMMARY_PARQUET))));
    }

    public static Writer writer(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    public void accept(ScreeningResult result) throws IOException {
        if (result.row() != null) {
            assessments.write(result.assessmentJson());
            assessments.write('\n');
            csv.write(result.row());
            parquet.write(result.row());
            rows++;
        }
        if (result.error() != null) error(result.error());
    }

    public void error(ErrorRecord error) throws IOException {
        errors.write(error.toJsonLine());
        errors.write('\n');
        errorLines++;
    }

    public long rows() { return rows; }
    public long errorLines() { return errorLines; }

    @Override
    public void close() throws IOException {
        try (assessments; errors; csv; parquet) {
            // closes all four, the first failure reported
        }
    }
}
