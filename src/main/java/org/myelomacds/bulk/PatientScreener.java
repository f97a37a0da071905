package org.myelomacds.bulk;

import org.myelomacds.assessor.AssessmentResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.facts.UnreadableInput;
import org.myelomacds.render.JsonRenderer;

/**
 * Screens one patient: assembles the lines, assesses the bundle, and turns the outcome into a summary row, an
 * Assessment line and/or an error record whose problems point at export lines (file, line, field). Shared by the
 * in-process engine and the Spark job. Thread-safe.
 */
public final class PatientScreener {
    private final PatientAssessor assessor;
    private final LocalDate asOf;
    private final Jurisdiction jurisdiction;
    private final boolean allowPartial;

    public PatientScreener(PatientAssessor assessor, LocalDate asOf, Jurisdiction jurisdiction, boolean allowPartial) {
        this.assessor = Objects.requireNonNull(assessor);
        this.asOf = Objects.requireNonNull(asOf);
        this.jurisdiction = Objects.requireNonNull(jurisdiction);
        this.allowPartial = allowPartial;
    }

    public PatientAssessor assessor() { return assessor; }

    /**
     * Never throws for one patient's data: whatever goes wrong is that patient's error record (INTERNAL_ERROR for
     * what the engine did not expect), and the run goes on with the others.
     */
    public ScreeningResult screen(String patientId, List<SourceLine> lines) {
        try {
            return screenOrThrow(patientId, lines);
        } catch (RuntimeException | StackOverflowError e) {
            return new ScreeningResult(patientId, null, null, new ErrorRecord(patientId, ErrorRecord.INTERNAL_ERROR,
                    "the engine failed on this patient's record: " + e, List.of()));
        }
    }

    private ScreeningResult screenOrThrow(String patientId, List<SourceLine> lines) {
        if (lines.stream().noneMatch(l -> "Patient".equals(l.resourceType()) && l.problem() == null)) {
            List<ExportProblem> where = new ArrayList<>();
            for (SourceLine l : lines.stream().sorted().limit(5).toList()) {
                where.add(new ExportProblem(l.file(), l.line(), l.reference(), null, "refers to Patient/" + patientId));
            }
            boolean brokenPatientLine = lines.stream().anyMatch(l -> "Patient".equals(l.resourceType()));
            String reason = brokenPatientLine
                    ? "the Patient resource of Patient/" + patientId + " cannot be read"
                    : "the export has no Patient resource with id " + patientId + ", but its resources name Patient/" + patientId;
            if (brokenPatientLine) lines.stream().filter(l -> l.problem() != null)
                    .forEach(l -> where.add(0, ExportProblem.at(l, null, l.problem())));
            return new ScreeningResult(patientId, null, null,
                    new ErrorRecord(patientId, ErrorRecord.NO_PATIENT_RESOURCE, reason, where));
        }
        PatientBundleAssembler.AssembledPatient assembled = PatientBundleAssembler.assemble(patientId, lines);
        AssessmentResult outcome = assessor.assess(assembled.bundle(), asOf, jurisdiction, allowPartial);
        if (outcome instanceof AssessmentResult.Assessed a) {
            SummaryRow row = SummaryRow.of(patientId, a.assessment(), a.unreadParts().size());
            ErrorRecord partial = a.unreadParts().isEmpty() ? null : new ErrorRecord(patientId, ErrorRecord.PARTIAL,
                    a.unreadParts().size() + " part(s) of the record could not be read; assessed without them "
                            + "(--allow-partial), each listed as an UNREADABLE_INPUT data gap", located(a.unreadParts(), assembled));
            return new ScreeningResult(patientId, row, JsonRenderer.renderLine(a.assessment()), partial);
        }
        ErrorRecord error;
        if (outcome instanceof AssessmentResult.Incomplete i) {
            error = new ErrorRecord(patientId, ErrorRecord.REFUSED, i.problems().size()
                    + " part(s) of the record could not be read; refusing to give an answer built on incomplete data "
                    + "(--allow-partial assesses the rest and lists them as data gaps)", located(i.problems(), assembled));
        } else if (outcome instanceof AssessmentResult.Unreadable u) {
            error = new ErrorRecord(patientId, ErrorRecord.REFUSED, u.message(), located(u.problems(), assembled));
        } else {
            error = new ErrorRecord(patientId, ErrorRecord.RULEBASE_FAILURE,
                    ((AssessmentResult.RulebaseFailure) outcome).message(), List.of());
        }
        return new ScreeningResult(patientId, null, null, error);
    }

    /** The reader's problems, each at the export line its bundle entry came from. */
    static List<ExportProblem> located(List<UnreadableInput> problems, PatientBundleAssembler.AssembledPatient assembled) {
        List<ExportProblem> out = new ArrayList<>();
        for (UnreadableInput p : problems) {
            int i = p.getEntryIndex();
            if (i >= 0 && i < assembled.entrySources().size()) {
                SourceLine source = assembled.entrySources().get(i);
                String field = source.problem() != null ? null : p.getField();
                String message = source.problem() != null ? source.problem() : p.getMessage();
                out.add(new ExportProblem(source.file(), source.line(), source.reference(), field, message));
            } else {
                out.add(new ExportProblem(null, null, p.getReference(), p.getField(), p.getMessage()));
            }
        }
        return out;
    }
}
