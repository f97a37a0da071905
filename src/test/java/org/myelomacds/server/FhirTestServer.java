package org.myelomacds.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A FHIR R4 endpoint on loopback for the FHIR-fetch tests: serves one patient bundle as reads and searchset Bundles
 * (Observation results in pages of {@link #PAGE} with a next link, so paging is exercised), and refuses any request
 * without the expected bearer token with 401.
 */
final class FhirTestServer implements AutoCloseable {
    static final int PAGE = 3;
    private final ObjectMapper json = new ObjectMapper();
    private final JsonNode bundle;
    private final String token;
    private final Javalin app;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** Where the searchset's next links point; another server's base to play a hostile or misconfigured server. */
    volatile String nextLinkBase;

    FhirTestServer(JsonNode bundle, String token) {
        this.bundle = bundle;
        this.token = token;
        this.app = Javalin.create(c -> c.showJavalinBanner = false);
        app.get("/fhir/{type}/{id}", this::read);
        app.get("/fhir/{type}", this::search);
        app.start("127.0.0.1", 0);
    }

    String base() { return "http://127.0.0.1:" + app.port() + "/fhir"; }

    private boolean authorized(Context ctx) {
        requests.add(ctx.method() + " " + ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
        String auth = ctx.header("Authorization");
        authorizations.add(String.valueOf(auth));
        if (("Bearer " + token).equals(auth)) return true;
        ctx.status(401).contentType("application/fhir+json").result("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"login\",\"diagnostics\":\"bad token\"}]}");
        return false;
    }

    private void read(Context ctx) {
        if (!authorized(ctx)) return;
        for (JsonNode e : bundle.path("entry")) {
            JsonNode r = e.path("resource");
            if (r.path("resourceType").asText().equals(ctx.pathParam("type")) && r.path("id").asText().equals(ctx.pathParam("id"))) {
                ctx.contentType("application/fhir+json").result(r.toString());
                return;
            }
        }
        ctx.status(404).contentType("application/fhir+json").result("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"not-found\"}]}");
    }

    private void search(Context ctx) {
        if (!authorized(ctx)) return;
        String type = ctx.pathParam("type");
        String patient = ctx.queryParam("patient");
        List<JsonNode> matches = new ArrayList<>();
        List<JsonNode> included = new ArrayList<>();
        for (JsonNode e : bundle.path("entry")) {
            JsonNode r = e.path("resource");
            if (!r.path("resourceType").asText().equals(type)) {
                if (r.path("resourceType").asText().equals("Medication") && ctx.queryParam("_include") != null) included.add(r);
                continue;
            }
            String subject = r.path("subject").path("reference").asText(r.path("patient").path("reference").asText(""));
            if (patient == null || subject.endsWith("/" + patient)) matches.add(r);
        }
        int page = ctx.queryParam("_page") == null ? 0 : Integer.parseInt(ctx.queryParam("_page"));
        boolean paged = "Observation".equals(type);
        List<JsonNode> shown = paged ? matches.subList(Math.min(page * PAGE, matches.size()), Math.min((page + 1) * PAGE, matches.size())) : matches;
        ObjectNode out = json.createObjectNode();
        out.put("resourceType", "Bundle");
        out.put("type", "searchset");
        out.put("total", matches.size());
        if (paged && (page + 1) * PAGE < matches.size()) {
            ArrayNode links = out.putArray("link");
            links.addObject().put("relation", "next").put("url", (nextLinkBase == null ? base() : nextLinkBase) + "/" + type + "?patient=" + patient + "&_page=" + (page + 1));
        }
        ArrayNode entries = out.putArray("entry");
        for (JsonNode r : shown) {
            ObjectNode e = entries.addObject();
            e.put("fullUrl", base() + "/" + type + "/" + r.path("id").asText());
            e.set("resource", r);
            e.putObject("search").put("mode", "match");
        }
        if (page == 0) for (JsonNode r : included) {
            ObjectNode e = entries.addObject();
            e.put("fullUrl", base() + "/Medication/" + r.path("id").asText());
            e.set("resource", r);
            e.putObject("search").put("mode", "include");
        }
        ctx.contentType("application/fhir+json").result(out.toString());
    }

    @Override public void close() { app.stop(); }
}
