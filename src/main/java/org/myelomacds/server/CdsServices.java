package org.myelomacds.server;

import java.util.List;
import java.util.Optional;

/**
 * The CDS services this server offers, each declared once: discovery lists these declarations, the hook route
 * finds the service a call names (and the hooks it answers) here, and feedback is accepted only for a service
 * declared here.
 */
final class CdsServices {
    static final String PATIENT_VIEW = "myeloma-anti-cd38";
    static final String ORDER_CHECK = "anti-cd38-order-check";
    /** The same order check announced for order-sign: discovery allows one hook per service id. */
    static final String ORDER_SIGN = "anti-cd38-order-check-sign";
    static final String VERSION = "1.0.0";
    private static final String HOOK_VERSION = "1.0";
    private static final List<String> ORDER_HOOKS = List.of("order-select", "order-sign");

    private static final String USAGE = "Send a client JWT (Authorization: Bearer) signed by a trusted issuer unless the "
            + "service runs with --dev. Prefetch all keys, or give fhirServer and fhirAuthorization so missing ones can be "
            + "fetched. Decision support for clinicians; not a prescription.";
    private static final String ORDER_DESCRIPTION = "When a draft MedicationRequest orders isatuximab or daratumumab, "
            + "checks this patient for the anti-CD38 cautions (washout, COPD prophylaxis, type and screen, renal function, "
            + "hypersensitivity, HBV) and whether any regimen with that drug is recommended. Returns no cards for other orders.";

    /**
     * One service: its id, the hook discovery announces, every hook it answers (an order check answers both order
     * hooks whichever it is announced for), and what discovery says of it.
     */
    record Service(String id, String hook, List<String> answers, String title, String description, String usage) {
        boolean isOrderCheck() { return !answers.contains("patient-view"); }

        ServiceDescriptor descriptor() {
            return new ServiceDescriptor(id, hook, title, description, Prefetch.TEMPLATES, usage, VERSION, HOOK_VERSION);
        }
    }

    static final List<Service> ALL = List.of(
            new Service(PATIENT_VIEW, "patient-view", List.of("patient-view"), "Anti-CD38 therapy options in multiple myeloma",
                    "Ranks the isatuximab and daratumumab regimens this patient is eligible for, with rationale, why-not "
                            + "reasons, safety flags and data gaps, each citing its evidence.", USAGE),
            new Service(ORDER_CHECK, "order-select", ORDER_HOOKS, "Anti-CD38 order check", ORDER_DESCRIPTION,
                    USAGE + " Also accepts order-sign."),
            new Service(ORDER_SIGN, "order-sign", ORDER_HOOKS, "Anti-CD38 order check (signing)", ORDER_DESCRIPTION, USAGE));

    private CdsServices() {}

    static Optional<Service> byId(String id) {
        return ALL.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    static ServiceDescriptor.Discovery discovery() {
        return new ServiceDescriptor.Discovery(ALL.stream().map(Service::descriptor).toList());
    }

    /** "a, b and c": the ids as a refusal lists them. */
    static String idsInWords() {
        List<String> ids = ALL.stream().map(Service::id).toList();
        return String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.get(ids.size() - 1);
    }
}
