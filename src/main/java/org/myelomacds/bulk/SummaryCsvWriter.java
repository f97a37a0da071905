package org.myelomacds.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The summary as CSV (RFC 4180, UTF-8, header row): the columns of {@link SummaryColumns}, lists joined by ";",
 * dates ISO, empty for none. Written with Jackson's CSV module, which quotes whatever needs it.
 */
public final class SummaryCsvWriter implements AutoCloseable {
    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema SCHEMA = schema();

    private final Writer out;
    private final SequenceWriter rows;

    public SummaryCsvWriter(OutputStream stream) throws IOException {
        this.out = new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8);
        this.rows = CSV.writer(SCHEMA).writeValues(out);
    }

    public void write(SummaryRow row) throws IOException {
        rows.write(values(row));
    }

    static List<String> values(SummaryRow row) {
        List<String> v = new ArrayList<>(SummaryColumns.ALL.size());
        for (SummaryColumns.Column c : SummaryColumns.ALL) {
            Object value = c.value().apply(row);
            if (value == null) v.add("");
            else if (value instanceof List<?> l) v.add(String.join(";", l.stream().map(String::valueOf).toList()));
            else v.add(String.valueOf(value));
        }
        return v;
    }

    private static CsvSchema schema() {
        CsvSchema.Builder b = CsvSchema.builder();
        for (String name : SummaryColumns.names()) b.addColumn(name);
        return b.build().withHeader();
    }

    @Override
    public void close() throws IOException {
        rows.close();
        out.close();
    }
}
