package org.myelomacds.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a candidate rulebase must pass before hot reload lets it serve. Passed in by whoever starts the watching
 * (the server passes the scenario gate of the fhir-samples), so the engine knows nothing of scenarios or FHIR.
 */
public interface ReloadGate {

    /** Why this candidate must not serve, one message per failed check; empty when it may. */
    List<String> failures(Rulebase candidate) throws IOException;

    /** Where the checks come from (a directory), for messages. */
    Path location();

    /** What one check is called in messages ("scenario"). */
    String kind();
}
