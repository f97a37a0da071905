package org.myelomacds.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerConfigTest {
    @Test
    void theExampleFileLoadsAndFlagsOverrideIt() throws Exception {
        ServerConfig c = ServerConfig.defaults().with(ServerConfig.load(Samples.projectDir().resolve("config/serve.example.yaml")));
        assertEquals(8085, c.port());
        assertEquals("127.0.0.1", c.bind());
        assertEquals("https://sandbox.cds-hooks.org", c.trustedIssuers().get(0).issuer());
        assertEquals(List.of(URI.create("https://sandbox.cds-hooks.org/.well-known/jwks.json")), c.trustedIssuers().get(0).jwksUrls());
        assertEquals(Jurisdiction.US, c.jurisdiction());
        ServerConfig overridden = c.with(new ServerConfig.Settings(9000, null, URI.create("https://cds.example.org/x/"), null, null,
                null, null, null, null, true, null, null, null, null, null, null));
        assertEquals(9000, overridden.port());
        assertTrue(overridden.dev());
        assertEquals(URI.create("https://cds.example.org/x"), overridden.baseUrl(9000), "trailing slash dropped so service URLs are exact");
        assertEquals(URI.create("http://127.0.0.1:9000"), c.with(new ServerConfig.Settings(9000, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null)).baseUrl(9000));
    }

    @Test
    void aMisspeltSettingIsAnErrorNamingIt(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("serve.yaml");
        Files.writeString(f, "port: 8085\nprot: 9000\n");
        ServerConfig.ConfigException e = assertThrows(ServerConfig.ConfigException.class, () -> ServerConfig.load(f));
        assertTrue(e.getMessage().contains("'prot'") && e.getMessage().contains("port"), e.getMessage());
        Files.writeString(f, "trustedIssuers:\n  - issuer: https://ehr.example.org\n");
        e = assertThrows(ServerConfig.ConfigException.class, () -> ServerConfig.load(f));
        assertTrue(e.getMessage().contains("JWKS URL"), e.getMessage());
        Files.writeString(f, "rulesDir: my-rules\n");
        assertEquals(dir.resolve("my-rules"), ServerConfig.load(f).rulesDir(), "relative to the file");
    }

    @Test
    void evaluationsRunningAtOnceDefaultToTwiceTheCoresAndCanBeSet(@TempDir Path dir) throws Exception {
        assertEquals(2 * Runtime.getRuntime().availableProcessors(), ServerConfig.defaults().maxConcurrentEvaluations());
        assertEquals(10, ServerConfig.defaults().evaluationQueueSeconds());
        Path f = dir.resolve("serve.yaml");
        Files.writeString(f, "maxConcurrentEvaluations: 3\nevaluationQueueSeconds: 4\n");
        ServerConfig c = ServerConfig.defaults().with(ServerConfig.load(f));
        assertEquals(3, c.maxConcurrentEvaluations());
        assertEquals(4, c.evaluationQueueSeconds());
        Files.writeString(f, "maxConcurrentEvaluations: 0\n");
        ServerConfig.Settings zero = ServerConfig.load(f);
        // Checked where the file's values meet the defaults, as for every other out-of-range setting.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServerConfig.defaults().with(zero));
        assertTrue(e.getMessage().contains("maxConcurrentEvaluations"), e.getMessage());
    }
}
