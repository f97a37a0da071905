package org.myelomacds.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads an NDJSON file line by line as bytes, with 1-based line numbers (a final line without "\n" counts). */
public final class NdjsonLines {
    private NdjsonLines() { }

    @FunctionalInterface
    public interface LineConsumer {
        void accept(long lineNo, byte[] line) throws IOException;
    }

    public static long forEach(ExportFile file, LineConsumer consumer) throws IOException {
        try (InputStream in = ExportDirectory.open(Path.of(file.location()), file.name())) {
            byte[] buf = new byte[1 << 16];
            byte[] line = new byte[1 << 14];
            int len = 0;
            long lineNo = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        lineNo++;
                        int end = len > 0 && line[len - 1] == '\r' ? len - 1 : len;
                        consumer.accept(lineNo, Arrays.copyOf(line, end));
                        len = 0;
                    } else {
                        if (len == line.length) line = Arrays.copyOf(line, line.length * 2);
                        line[len++] = b;
                    }
                }
            }
            if (len > 0) {
                lineNo++;
                consumer.accept(lineNo, Arrays.copyOf(line, len));
            }
            return lineNo;
        }
    }
}
