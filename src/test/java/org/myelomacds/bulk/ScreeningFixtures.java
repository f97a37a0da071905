package org.myelomacds.bulk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.myelomacds.cli.Main;
import org.myelomacds.scenario.Samples;

/** Generated exports, screening runs through the CLI, and reading their outputs back (Parquet with DuckDB). */
public final class ScreeningFixtures {
    private ScreeningFixtures() { }

    public static Path export(Path dir, int patients, double myelomaPercent) throws IOException {
        ExportGenerator.fromBundles(List.of(Samples.samplesDir()), Samples.terminology()).write(dir, patients, myelomaPercent, false);
        return dir;
    }

    /** template name by generated patient id (the generator's sources.csv). */
    public static Map<String, String> sources(Path export) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(export.resolve("sources.csv")).subList(1, Files.readAllLines(export.resolve("sources.csv")).size())) {
            String[] f = line.split(",");
            m.put(f[0], f[1]);
        }
        return m;
    }

    public record Run(int exit, String out, String err) {}

    public static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A file's text, or the concatenation of a Spark output directory's parts in name order. */
    public static String text(Path p) throws IOException {
        if (!Files.isDirectory(p)) return Files.readString(p);
        StringBuilder b = new StringBuilder();
        try (Stream<Path> s = Files.list(p)) {
            for (Path part : s.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()) b.append(Files.readString(part));
        }
        return b.toString();
    }

    /** CSV data lines (headers dropped), of a file or of a directory of parts. */
    public static List<String> csvRows(Path p) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.list(p)) { files.addAll(s.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()); }
        } else files.add(p);
        List<String> rows = new ArrayList<>();
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            if (!lines.isEmpty()) rows.addAll(lines.subList(1, lines.size()));
        }
        return rows;
    }

    /** Rows of a DuckDB query, each as its columns joined by '|'. */
    public static List<String> query(String sql) throws Exception {
        Class.forName("org.duckdb.DuckDBDriver");
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) b.append(i > 1 ? "|" : "").append(rs.getString(i));
                rows.add(b.toString());
            }
        }
        return rows;
    }

    /** The Parquet summary as DuckDB reads it: a file, or every part of a Spark output directory. */
    public static String parquetSource(Path p) {
        return Files.isDirectory(p) ? "read_parquet('" + p + "/*.parquet')" : "read_parquet('" + p + "')";
    }
}
