package org.myelomacds.render;

import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.NotRecommended;
import org.myelomacds.assessment.Recommendation;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The state of one card response: uuids derived from the request, regimen names, and the orders already proposed in it. */
final class CardResponse {
    final Assessment a;
    final CardRenderer.Context ctx;
    /** Orders proposed so far in this response ("test:HBSAG"): each is proposed once, however many cards name it. */
    final Set<String> proposed = new LinkedHashSet<>();

    CardResponse(Assessment a, CardRenderer.Context ctx) { this.a = a; this.ctx = ctx; }

    /**
     * A name-based (version 3) UUID of the request, the patient, the rulebase and the card's own key: the same
     * request answered by the same rulebase gets the same uuids (a retried call does not issue new cards), and
     * any other request gets other uuids.
     */
    String uuid(String key) {
        String seed = ctx.requestKey() + "\n" + a.patient().id() + "\n" + a.asOf() + "\n" + a.jurisdiction() + "\n"
                + a.rulebase().sha256() + "\n" + key;
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    String name(String regimen) {
        String s = ctx.shortNames().get(regimen);
        if (s != null) return s;
        for (Recommendation r : a.recommendations()) if (r.regimen().equals(regimen)) return r.name();
        for (NotRecommended n : a.notRecommended()) if (n.regimen().equals(regimen)) return n.name();
        return regimen.replace('_', ' ');
    }

    String names(Collection<String> regimens) {
        return regimens.stream().map(this::name).collect(Collectors.joining(", "));
    }
}
