package org.myelomacds.bulk;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Strings in spill and result files: a length (-1 for null) and UTF-8 bytes, with no 64 KiB limit. */
final class SpillStrings {
    private SpillStrings() { }

    static void write(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** The next string; EOFException at a clean end of file. */
    static String read(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        byte[] b = in.readNBytes(n);
        if (b.length < n) throw new EOFException("truncated spill file");
        return new String(b, StandardCharsets.UTF_8);
    }
}
