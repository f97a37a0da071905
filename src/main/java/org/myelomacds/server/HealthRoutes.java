package org.myelomacds.server;

import io.javalin.Javalin;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.engine.ReloadAttempt;
import org.myelomacds.engine.Rulebase;
import org.myelomacds.engine.RulebaseSource;
import org.myelomacds.server.feedback.GuardedFeedbackStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * GET /health: UP or DEGRADED (feedback database down), the rulebase served and its last reload, memory, the
 * admission gate, uptime, warm-up, the report store and the feedback database. No patient data.
 */
final class HealthRoutes {
    private final RulebaseSource rules;
    private final GuardedFeedbackStore guarded;
    private final EvaluationGate gate;
    private final ReceivingSlots receiving;
    private final MemoryBudget memoryBudget;
    private final ReportStore reports;
    private final HeapPeak heapPeak = new HeapPeak();
    private final Clock clock;
    private final Instant started;
    private final boolean devMode;
    private final Supplier<Map<String, Object>> warmUp;

    HealthRoutes(RulebaseSource rules, GuardedFeedbackStore guarded, EvaluationGate gate, ReceivingSlots receiving,
                 MemoryBudget memoryBudget, ReportStore reports, Clock clock, boolean devMode, Supplier<Map<String, Object>> warmUp) {
        this.rules = rules;
        this.guarded = guarded;
        this.gate = gate;
        this.receiving = receiving;
        this.memoryBudget = memoryBudget;
        this.reports = reports;
        this.clock = clock;
        this.started = clock.instant();
        this.devMode = devMode;
        this.warmUp = warmUp;
    }

    void register(Javalin app) {
        app.get("/health", ctx -> ctx.json(health()));
    }

    private static Map<String, Object> describe(ReloadAttempt r, List<String> problems) {
        Map<String, Object> reload = new LinkedHashMap<>();
        reload.put("at", r.at().toString());
        reload.put("swapped", r.swapped());
        if (r.candidateSha256() != null) reload.put("candidateSha256", r.candidateSha256());
        reload.put("problemCount", r.problems().size());
        reload.put("problems", problems);
        return reload;
    }

    Map<String, Object> health() {
        Rulebase rb = rules.current();
        Map<String, Object> h = new LinkedHashMap<>();
        // DEGRADED: hooks are answered, but feedback is refused and issued cards wait in memory.
        h.put("status", guarded.isUp() ? "UP" : "DEGRADED");
        h.put("rulebase", Map.of("version", rb.version(), "sha256", rb.sha256(), "mode", rb.mode().name()));
        rules.lastReload().ifPresent(r -> h.put("lastReload", describe(r, r.problems())));
        List<ReloadAttempt> history = rules.recentReloads();
        if (!history.isEmpty()) {
            // The full problems of the last attempt are above; older ones keep their first few, enough to tell why.
            h.put("reloadHistory", history.stream()
                    .map(r -> describe(r, r.problems().subList(0, Math.min(3, r.problems().size())))).toList());
        }
        Runtime rt = Runtime.getRuntime();
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("heapUsedBytes", rt.totalMemory() - rt.freeMemory());
        memory.put("heapCommittedBytes", rt.totalMemory());
        memory.put("heapMaxBytes", rt.maxMemory());
        memory.put("heapPeakBytes", heapPeak.bytes());
        h.put("memory", memory);
        h.put("evaluations", gate.describe());
        h.put("receiving", receiving.describe());
        h.put("requestMemory", memoryBudget.describe());
        h.put("uptimeSeconds", Duration.between(started, clock.instant()).toSeconds());
        h.put("warmUp", warmUp.get());
        h.put("devMode", devMode);
        h.put("reports", reports.describe());
        h.put("feedbackDatabase", guarded.describe());
        h.put("disclaimer", Assessment.DISCLAIMER);
        return h;
    }
}
