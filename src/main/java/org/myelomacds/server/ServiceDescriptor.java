package org.myelomacds.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/**
 * One entry of the discovery response (CDS Hooks 2.0 "Discovery"): id, hook, title, description, prefetch and
 * usageRequirements, plus the service's own {@code version} and the {@code hookVersion} it implements, which
 * CDS Hooks 3.0 clients read and 2.0 clients ignore.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"id", "hook", "title", "description", "prefetch", "usageRequirements", "version", "hookVersion"})
public record ServiceDescriptor(String id, String hook, String title, String description, Map<String, String> prefetch,
                                String usageRequirements, String version, String hookVersion) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Discovery(List<ServiceDescriptor> services) {}
}
