package org.myelomacds.render.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.myelomacds.assessment.Assessment;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The report as PDF, rendered from the same HTML with openhtmltopdf (PDFBox). DejaVu Sans is embedded (subset) so
 * symbols and icons print the same everywhere; the inline SVG charts are drawn by its Batik module, which takes the
 * font from Java's font registry, so the same DejaVu faces are registered there once.
 */
public final class PdfReport {
    private static final String FONT_DIR = "net/sf/jasperreports/fonts/dejavu/";
    private static final String FAMILY = "DejaVu Sans";

    static {
        // openhtmltopdf logs every font load and layout step at INFO to stderr; keep warnings and errors only.
        for (String log : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
            // The stylesheet is shared with browsers, so CSS the PDF engine does not know (break-inside, :target) is expected.
            com.openhtmltopdf.util.XRLog.setLevel(log, com.openhtmltopdf.util.XRLog.CSS_PARSE.equals(log)
                    ? java.util.logging.Level.SEVERE : java.util.logging.Level.WARNING);
        }
        for (String face : new String[]{"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"}) {
            try (InputStream in = open(face)) {
                GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(Font.createFont(Font.TRUETYPE_FONT, in));
            } catch (IOException | FontFormatException e) {
                throw new IllegalStateException("cannot load the report font " + face, e);
            }
        }
    }

    private PdfReport() {}

    public static byte[] render(Assessment assessment, HtmlReport.Paper paper) {
        return fromHtml(HtmlReport.render(assessment, paper));
    }

    /** Renders a report document produced by {@link HtmlReport} (well-formed XHTML). */
    public static byte[] fromHtml(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            b.useFont(() -> open("DejaVuSans.ttf"), FAMILY, 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            b.useFont(() -> open("DejaVuSans-Bold.ttf"), FAMILY, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            b.useFont(() -> open("DejaVuSans-Oblique.ttf"), FAMILY, 400, PdfRendererBuilder.FontStyle.ITALIC, true);
            b.useFont(() -> open("DejaVuSans-BoldOblique.ttf"), FAMILY, 700, PdfRendererBuilder.FontStyle.ITALIC, true);
            b.useFont(() -> open("DejaVuSansMono.ttf"), "DejaVu Sans Mono", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            b.useSVGDrawer(new BatikSVGDrawer());
            // Nothing is fetched: the document has no external resources, and any URI it might name is refused.
            b.useUriResolver((base, uri) -> null);
            b.useProtocolsStreamImplementation(url -> { throw new IllegalStateException("no fetches: " + url); }, "http", "https", "file", "ftp");
            b.withHtmlContent(html, null);
            b.toStream(out);
            b.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static InputStream open(String face) {
        InputStream in = PdfReport.class.getClassLoader().getResourceAsStream(FONT_DIR + face);
        if (in == null) throw new IllegalStateException("missing font " + FONT_DIR + face);
        return in;
    }
}
