// Renders one page of a PDF to a PNG with PDFBox (already on the project's classpath through openhtmltopdf), for the
// README's report images on machines without poppler's pdftoppm. Not part of the application.
//
//   java -cp "$(cat target/classpath.txt)" scripts/RenderPdfPage.java report.pdf 1 80 page1.png
//
// Arguments: the PDF, the 1-based page number, the resolution in dpi, the PNG to write.
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;

public class RenderPdfPage {
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: RenderPdfPage.java FILE.pdf PAGE DPI OUT.png");
            System.exit(2);
        }
        int page = Integer.parseInt(args[1]);
        float dpi = Float.parseFloat(args[2]);
        try (PDDocument doc = Loader.loadPDF(new File(args[0]))) {
            if (page < 1 || page > doc.getNumberOfPages()) {
                System.err.println(args[0] + " has " + doc.getNumberOfPages() + " page(s); page " + page + " does not exist");
                System.exit(3);
            }
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(page - 1, dpi, ImageType.RGB);
            ImageIO.write(image, "png", new File(args[3]));
            System.out.println(args[3] + ": page " + page + " of " + doc.getNumberOfPages() + ", " + image.getWidth() + "×" + image.getHeight());
        }
    }
}
