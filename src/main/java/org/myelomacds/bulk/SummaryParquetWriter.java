package org.myelomacds.bulk;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;

import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * The summary as Parquet, with the columns of {@link SummaryColumns}: strings as UTF-8 STRING, dates as DATE, code
 * lists as LIST&lt;STRING&gt;. The one Parquet writer of both engines: in-process it writes a local file
 * ({@code org.apache.parquet.io.LocalOutputFile}); on Spark each partition writes its part through Hadoop's file
 * system. Uncompressed, with Parquet's dictionary encoding: Parquet's codecs go through Hadoop classes, which stay
 * off the CLI's classpath, and a summary of repeated codes and statuses is small already.
 */
public final class SummaryParquetWriter implements AutoCloseable {
    static final MessageType SCHEMA = schema();

    private final ParquetWriter<SummaryRow> writer;

    public SummaryParquetWriter(OutputFile file) throws IOException {
        this.writer = new Builder(file)
                .withConf(new PlainParquetConfiguration())
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .withWriteMode(org.apache.parquet.hadoop.ParquetFileWriter.Mode.OVERWRITE)
                .build();
    }

    public void write(SummaryRow row) throws IOException {
        writer.write(row);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    private static MessageType schema() {
        StringBuilder b = new StringBuilder("message summary {\n");
        for (SummaryColumns.Column c : SummaryColumns.ALL) {
            b.append(switch (c.kind()) {
                case STRING -> "  optional binary " + c.name() + " (STRING);\n";
                case INT -> "  optional int32 " + c.name() + ";\n";
                case LONG -> "  optional int64 " + c.name() + ";\n";
                case BOOLEAN -> "  required boolean " + c.name() + ";\n";
                case DATE -> "  optional int32 " + c.name() + " (DATE);\n";
                case STRING_LIST -> "  optional group " + c.name() + " (LIST) {\n    repeated group list {\n"
                        + "      required binary element (STRING);\n    }\n  }\n";
            });
        }
        return MessageTypeParser.parseMessageType(b.append("}").toString());
    }

    private static final class Builder extends ParquetWriter.Builder<SummaryRow, Builder> {
        Builder(OutputFile file) { super(file); }
        @Override protected Builder self() { return this; }
        @Override protected WriteSupport<SummaryRow> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return new RowWriteSupport();
        }
        @Override protected WriteSupport<SummaryRow> getWriteSupport(ParquetConfiguration conf) {
            return new RowWriteSupport();
        }
    }

    private static final class RowWriteSupport extends WriteSupport<SummaryRow> {
        private RecordConsumer out;

        @Override public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return new WriteContext(SCHEMA, new HashMap<>());
        }

        @Override public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(SCHEMA, new HashMap<>());
        }

        @Override public void prepareForWrite(RecordConsumer recordConsumer) { this.out = recordConsumer; }

        @Override
        public void write(SummaryRow row) {
            out.startMessage();
            int i = 0;
            for (SummaryColumns.Column c : SummaryColumns.ALL) {
                Object value = c.value().apply(row);
                if (value != null) {
                    out.startField(c.name(), i);
                    writeValue(c.kind(), value);
                    out.endField(c.name(), i);
                }
                i++;
            }
            out.endMessage();
        }

        private void writeValue(SummaryColumns.Kind kind, Object value) {
            switch (kind) {
                case STRING -> out.addBinary(Binary.fromString((String) value));
                case INT -> out.addInteger((Integer) value);
                case LONG -> out.addLong((Long) value);
                case BOOLEAN -> out.addBoolean((Boolean) value);
                case DATE -> out.addInteger((int) LocalDate.parse((String) value).toEpochDay());
                case STRING_LIST -> {
                    List<?> items = (List<?>) value;
                    out.startGroup();
                    if (!items.isEmpty()) {
                        out.startField("list", 0);
                        for (Object item : items) {
                            out.startGroup();
                            out.startField("element", 0);
                            out.addBinary(Binary.fromString(String.valueOf(item)));
                            out.endField("element", 0);
                            out.endGroup();
                        }
                        out.endField("list", 0);
                    }
                    out.endGroup();
                }
            }
        }
    }
}
