package org.myelomacds.render.report;

import org.myelomacds.assessment.Assessment;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tumour-board report as one self-contained HTML document (inline CSS and SVG; nothing fetched). Thymeleaf
 * was chosen because its th:text escapes by default (the report quotes free text from the bundle), it needs no
 * build step, and it writes well-formed XHTML from a well-formed template, which the PDF renderer requires.
 */
public final class HtmlReport {
    /** Paper sizes the PDF (and an explicit print size) can take. */
    public enum Paper { A4, LETTER }

    private static final String BASE = "org/myelomacds/render/report/";
    private static final TemplateEngine ENGINE = engine();
    private static final String CSS = resource("report.css");

    private HtmlReport() {}

    /** The full document; the browser chooses the paper size when printing. */
    public static String render(Assessment assessment) { return render(assessment, null); }

    /** The full document with a fixed page size (for the PDF renderer). */
    public static String render(Assessment assessment, Paper paper) {
        return ENGINE.process("report", context(ReportView.of(assessment), paper));
    }

    /** The report's article element alone, for embedding in a page that brings its own stylesheet. */
    public static String fragment(Assessment assessment) {
        return ENGINE.process(new TemplateSpec("report", Set.of("report"), TemplateMode.HTML, null),
                context(ReportView.of(assessment), null));
    }

    /** The report stylesheet, for pages that embed {@link #fragment}. */
    public static String css() { return CSS; }

    /** The batch index: one row per patient with a link to the patient's report. */
    public static String index(List<IndexRow> rows, List<String> failures, String asOf, String jurisdiction) {
        Context c = new Context(Locale.ROOT);
        c.setVariable("rows", rows);
        c.setVariable("failures", failures);
        c.setVariable("asOf", asOf);
        c.setVariable("jurisdiction", jurisdiction);
        c.setVariable("css", CSS);
        c.setVariable("disclaimer", Assessment.DISCLAIMER);
        return ENGINE.process("index", c);
    }

    /**
     * One patient in the batch index, in words: the patient (id, age, sex), the disease setting, the top-ranked option by
     * name with its status in words and score (or that none is supported), how many options are ranked, the flags
     * counted by severity (critical findings, warnings, and INFO items apart, so routine notes do not swell the count of
     * cautions), and the data gaps.
     */
    public record IndexRow(String patient, String setting, String topOption, String topStatus, int ranked,
                           int critical, int warnings, int info, int gaps, String href, String source) {
        public static IndexRow of(Assessment a, String href, String source) {
            var top = a.recommendations().isEmpty() ? null : a.recommendations().get(0);
            String who = a.patient().id() + (a.patient().age() == null ? "" : ", " + a.patient().ageWords() + " years")
                    + (a.patient().sex() == null ? "" : ", " + a.patient().sex().toLowerCase(Locale.ROOT));
            return new IndexRow(who, settingWords(a.setting()),
                    top == null ? "no anti-CD38 option supported" : top.name(),
                    top == null ? (a.notRecommended().stream().anyMatch(n -> "INSUFFICIENT_DATA".equals(n.status()))
                            ? "some undecided: data missing" : "") : org.myelomacds.render.FlagKinds.statusWords(top.status(), top.flags())
                            + ", score " + top.score(),
                    a.recommendations().size(), count(a, "CRITICAL"), count(a, "WARNING"), count(a, "INFO"),
                    a.dataGaps().size(), href, source);
        }

        private static int count(Assessment a, String severity) {
            return (int) a.flags().stream().filter(f -> severity.equals(f.severity())).count();
        }
    }

    /** The disease setting in words (the contract values of ARCHITECTURE.md §6). */
    static String settingWords(String setting) {
        if (setting == null) return "setting undecided";
        return switch (setting) {
            case "NDMM_TRANSPLANT_ELIGIBLE" -> "newly diagnosed, transplant-eligible";
            case "NDMM_TRANSPLANT_INELIGIBLE" -> "newly diagnosed, transplant-ineligible";
            case "RRMM" -> "relapsed or refractory";
            case "NOT_MULTIPLE_MYELOMA" -> "not multiple myeloma";
            case "UNKNOWN" -> "setting undecided";
            default -> ReportView.word(setting);
        };
    }

    private static Context context(ReportView view, Paper paper) {
        Context c = new Context(Locale.ROOT);
        c.setVariable("v", view);
        c.setVariable("css", CSS);
        c.setVariable("fmt", new Format());
        c.setVariable("pageSize", paper == null ? null : paper == Paper.A4 ? "A4" : "letter");
        return c;
    }

    /** Helpers the template calls. */
    public static final class Format {
        public String sources(List<ReportView.Source> sources) {
            return sources.isEmpty() ? "none cited" : sources.stream().map(ReportView.Source::printed).collect(Collectors.joining("; "));
        }
    }

    private static TemplateEngine engine() {
        ClassLoaderTemplateResolver r = new ClassLoaderTemplateResolver(HtmlReport.class.getClassLoader());
        r.setPrefix(BASE);
        r.setSuffix(".html");
        r.setTemplateMode(TemplateMode.HTML);
        r.setCharacterEncoding("UTF-8");
        r.setCacheable(true);
        TemplateEngine e = new TemplateEngine();
        e.setTemplateResolver(r);
        return e;
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(BASE + name)) {
            if (in == null) throw new IllegalStateException("missing resource " + BASE + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
