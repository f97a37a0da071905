package org.myelomacds.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

import java.time.Duration;
import java.util.Objects;

/**
 * Fetches what a CDS client did not prefetch from its FHIR server (CDS Hooks 2.0 "FHIR Resource Access"), with the
 * bearer token the client handed over in {@code fhirAuthorization}. Queries are the prefetch templates with their
 * tokens already replaced, e.g. {@code Patient/123} or {@code Condition?patient=123}; a search follows the server's
 * {@code next} links up to {@link #MAX_PAGES} pages so a long history is not silently cut at the first page, and only
 * links on the server it was given (same scheme, host, port and base path): the bearer token goes with every page, so
 * a link elsewhere would hand the EHR's token to whoever the page names ({@link SameServer}).
 * Thread-safe: one FhirContext, one client per call.
 */
public final class FhirServerFetcher {
    /** Bounded so a misbehaving server cannot keep a request thread paging forever. */
    public static final int MAX_PAGES = 20;

    private final FhirContext context;

    public FhirServerFetcher(Duration timeout) {
        this.context = FhirContext.forR4Cached();
        IRestfulClientFactory factory = context.getRestfulClientFactory();
        // The CDS client told us where its server is; asking it for its CapabilityStatement first costs a round trip.
        factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
        factory.setConnectTimeout((int) timeout.toMillis());
        factory.setSocketTimeout((int) timeout.toMillis());
    }

    /**
     * Runs one relative query against {@code baseUrl} and returns the resource (a read) or the searchset Bundle with
     * all pages merged (a search) as FHIR R4 JSON.
     */
    public String fetch(String baseUrl, String bearerToken, String query) throws FhirFetchException {
        Objects.requireNonNull(baseUrl, "baseUrl");
        IGenericClient client = context.newRestfulGenericClient(baseUrl);
        if (bearerToken != null && !bearerToken.isBlank()) client.registerInterceptor(new BearerTokenAuthInterceptor(bearerToken));
        try {
            IBaseResource result = query.contains("?") ? search(client, SameServer.of(baseUrl), query) : read(client, query);
            return context.newJsonParser().encodeResourceToString(result);
        } catch (FhirClientConnectionException e) {
            throw new FhirFetchException(query, "FHIR server not reachable: " + firstLine(e.getMessage()), e);
        } catch (BaseServerResponseException e) {
            throw new FhirFetchException(query, "FHIR server answered HTTP " + e.getStatusCode() + " (" + firstLine(e.getMessage()) + ")", e);
        } catch (RuntimeException e) {
            throw new FhirFetchException(query, "could not be fetched: " + firstLine(String.valueOf(e.getMessage())), e);
        }
    }

    private static IBaseResource read(IGenericClient client, String query) {
        String[] parts = query.split("/", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("not a read (Type/id) or a search (Type?params): " + query);
        }
        return client.read().resource(parts[0]).withId(parts[1]).execute();
    }

    private static Bundle search(IGenericClient client, SameServer server, String query) {
        Bundle first = client.search().byUrl(query).returnBundle(Bundle.class).execute();
        Bundle page = first;
        for (int i = 1; i < MAX_PAGES && page.getLink(Bundle.LINK_NEXT) != null; i++) {
            String next = page.getLink(Bundle.LINK_NEXT).getUrl();
            if (!server.holds(next)) {
                // Checked before the request is made: the token must not leave for another origin or path.
                throw new IllegalStateException("refused to follow the searchset's next link to " + SameServer.describe(next)
                        + ": it is not on the fhirServer given (" + server + "), and the bearer token would go with it");
            }
            page = client.loadPage().next(page).execute();
            first.getEntry().addAll(page.getEntry());
        }
        if (page.getLink(Bundle.LINK_NEXT) != null) {
            throw new IllegalStateException("more than " + MAX_PAGES + " pages of results; refusing to evaluate a truncated history");
        }
        first.getLink().removeIf(l -> Bundle.LINK_NEXT.equals(l.getRelation()));
        return first;
    }

    private static String firstLine(String message) {
        if (message == null) return "no message";
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
