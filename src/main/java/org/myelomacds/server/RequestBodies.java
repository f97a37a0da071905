package org.myelomacds.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.myelomacds.fhir.BundleReader;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Request bodies as every POST route reads them: within the size limit (declared or not), gzip-decoded when the client
 * says {@code Content-Encoding: gzip} (the limit then holds for the decoded bytes too, so a small compressed body cannot
 * expand without bound), and parsed as JSON strictly — a key given twice in one object is refused rather than the last
 * value silently winning, and nesting beyond Jackson's limit is a 400 like any other bad JSON.
 */
public final class RequestBodies {
    private RequestBodies() { }

    /** A body refused before it reached the engine: status, OperationOutcome issue code, and what was wrong. */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final String code;

        Refused(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }

        public int status() { return status; }

        public String code() { return code; }
    }

    /**
     * The mapper for request bodies: reads decimals as the engine does ({@link BundleReader#jsonMapper()}) and refuses
     * duplicate keys.
     */
    @SuppressWarnings("deprecation") // JsonParser.Feature on the mapper: it owns its factory, so this is per mapper
    public static ObjectMapper strictMapper() {
        ObjectMapper m = BundleReader.jsonMapper();
        m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return m;
    }

    /** The body's bytes, decoded; 413 beyond {@code maxBytes} (before or after decoding), 415 for an encoding other than gzip. */
    public static byte[] read(Context ctx, long maxBytes) {
        return read(ctx, maxBytes, n -> { });
    }

    /** The same, telling {@code received} of the decoded bytes as they arrive (to charge a memory budget). */
    public static byte[] read(Context ctx, long maxBytes, LongConsumer received) {
        try (InputStream in = open(ctx, maxBytes, "maxRequestBytes", received)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new Refused(400, "structure", "request body could not be read: " + e.getMessage());
        }
    }

    /**
     * The body as a stream, decoded as it is read, for a reader that must not hold it whole (a bundle read by the
     * streaming scan). The same limits and refusals as {@link #read}, thrown as {@link Refused} from the stream's
     * read calls: a JSON parser passes them through, so they reach the route as they are. {@code setting} names the
     * limit in a 413; {@code received} hears of the decoded bytes as they arrive.
     */
    public static InputStream open(Context ctx, long maxBytes, String setting, LongConsumer received) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) throw tooLarge("of " + declared + " bytes ", maxBytes, setting);
        String encoding = ctx.header("Content-Encoding");
        boolean gzip = false;
        if (encoding != null && !encoding.isBlank()) {
            String e = encoding.trim().toLowerCase(Locale.ROOT);
            if (e.equals("gzip") || e.equals("x-gzip")) gzip = true;
            else if (!e.equals("identity")) {
                throw new Refused(415, "not-supported", "Content-Encoding '" + printable(encoding) + "' is not supported; send gzip or no encoding");
            }
        }
        try {
            return new BodyStream(ctx.req().getInputStream(), gzip, maxBytes, setting, received);
        } catch (IOException e) {
            throw new Refused(400, "structure", "request body could not be read: " + e.getMessage());
        }
    }

    /**
     * The decoded body within its limit. Every failure of the transport is turned into the refusal the client reads:
     * over the limit (compressed or decoded) 413, not gzip 400, too slow 408, cut off 400.
     */
    private static final class BodyStream extends InputStream {
        private final BoundedInput raw;
        private final boolean gzip;
        private final long max;
        private final String setting;
        private final LongConsumer received;
        private InputStream decoded;
        private long count;

        BodyStream(InputStream raw, boolean gzip, long max, String setting, LongConsumer received) {
            this.raw = new BoundedInput(raw, max);
            this.gzip = gzip;
            this.max = max;
            this.setting = setting;
            this.received = received;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n;
            try {
                // GZIPInputStream reads the gzip header when it is made: made on the first read, so that is refused here too.
                if (decoded == null) decoded = gzip ? new GZIPInputStream(raw, 64 * 1024) : raw;
                n = decoded.read(b, off, len);
            } catch (BoundedInput.Exceeded e) {
                throw tooLarge("", max, setting);
            } catch (ZipException e) {
                throw new Refused(400, "structure", "request body is not valid gzip (Content-Encoding: gzip): " + e.getMessage());
            } catch (java.io.EOFException e) {
                throw new Refused(400, "structure", gzip ? "request body ended early or is not valid gzip (Content-Encoding: gzip): "
                        + e.getMessage() : "request body ended early: " + e.getMessage());
            } catch (org.eclipse.jetty.http.BadMessageException e) {
                // Jetty's minimum request data rate: the body came too slowly (408 Request Timeout).
                throw new Refused(e.getCode(), "timeout", "request body arrived too slowly: " + e.getReason());
            } catch (IOException e) {
                throw new Refused(400, "structure", "request body could not be read: " + e.getMessage());
            }
            if (n > 0) {
                count += n;
                if (count > max) throw tooLarge(gzip ? "once decompressed " : "", max, setting);
                received.accept(n);
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            raw.close();
        }
    }

    /** Parses a JSON body; 400 naming line and column for bad JSON, a duplicate key or nesting too deep. */
    public static JsonNode json(ObjectMapper strict, byte[] bytes) {
        if (bytes.length == 0) throw new Refused(400, "required", "request body is empty; a JSON object is required");
        try {
            JsonNode node = strict.readTree(bytes);
            if (node == null || node.isMissingNode()) throw new Refused(400, "required", "request body is empty; a JSON object is required");
            return node;
        } catch (StreamConstraintsException e) {
            throw new Refused(400, "too-costly", "request body is not acceptable JSON: " + e.getOriginalMessage() + where(e.getLocation()));
        } catch (JsonProcessingException e) {
            throw new Refused(400, "structure", "request body is not valid JSON: " + e.getOriginalMessage() + where(e.getLocation()));
        } catch (IOException e) {
            throw new Refused(400, "structure", "request body could not be read: " + e.getMessage());
        }
    }

    private static String where(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 0 ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private static Refused tooLarge(String what, long max, String setting) {
        return new Refused(413, "too-costly", "request body " + what + "exceeds the limit of " + max + " bytes (" + setting + ")");
    }

    private static String printable(String s) {
        return LogSafe.value(s);
    }

    /** Counts compressed bytes so a gzip body that is itself over the limit is refused while reading. */
    private static final class BoundedInput extends java.io.FilterInputStream {
        static final class Exceeded extends IOException {
            Exceeded() { super("limit exceeded", null); }
        }

        private final long max;
        private long count;

        BoundedInput(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > max) throw new Exceeded();
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (count += n) > max) throw new Exceeded();
            return n;
        }
    }
}
