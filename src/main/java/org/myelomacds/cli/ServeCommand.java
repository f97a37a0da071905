package org.myelomacds.cli;

import org.myelomacds.engine.Rulebase;
import org.myelomacds.engine.RulebaseException;
import org.myelomacds.engine.RulebaseSource;
import org.myelomacds.engine.WatchingRulebaseSource;
import org.myelomacds.server.CdsServer;
import org.myelomacds.server.ServerConfig;
import org.myelomacds.server.feedback.FeedbackStore;
import org.myelomacds.server.feedback.JdbcFeedbackStore;
import org.myelomacds.server.security.ClientAuthenticator;
import org.myelomacds.server.security.JwtClientAuthenticator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the CDS Hooks service and REST API (see README, 'CDS Hooks service').",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "2:usage or configuration error", "4:rulebase failed to compile"})
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger("org.myelomacds.server");

    @Option(names = "--config", paramLabel = "FILE", description = "YAML or JSON settings (see config/serve.example.yaml); flags override it")
    Path configFile;

    @Option(names = "--port", paramLabel = "N", description = "TCP port (default " + ServerConfig.DEFAULT_PORT + "; 0 picks a free one)")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDR", description = "address to listen on (default " + ServerConfig.DEFAULT_BIND + ")")
    String bind;

    @Option(names = "--public-url", paramLabel = "URL", description = "the base URL clients call (JWT aud, card links); default http://bind:port")
    URI publicUrl;

    @Option(names = "--rules", paramLabel = "DIR", description = "serve this rule directory instead of the build-time rulebase, hot-reloaded when a file changes "
                    + "(gated by the fhir-samples scenarios next to it)")
    Path rulesDir;

    @Option(names = "--dev", description = "development mode: client JWT verification OFF (logged loudly at start-up)")
    Boolean dev;

    private final PrintStream out;
    private final PrintStream err;

    ServeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        ServerConfig config = ServerConfig.defaults();
        try {
            if (configFile != null) config = config.with(ServerConfig.load(configFile));
            config = config.with(new ServerConfig.Settings(port, bind, publicUrl, null, null, null, null, rulesDir, null, dev,
                    null, null, null, null, null, null));
        } catch (ServerConfig.ConfigException | IllegalArgumentException e) {
            throw ExitCode.CommandFailure.usage(e.getMessage());
        }
        RulebaseSource rules;
        try {
            rules = rulebaseSource(config);
        } catch (RulebaseException e) {
            throw ExitCode.CommandFailure.of(ExitCode.RULEBASE_ERROR,
                    e.headline() + (e.problems().isEmpty() ? "" : ":"), e.problems().stream().map(String::valueOf).toList());
        }
        ClientAuthenticator authenticator;
        if (config.dev()) {
            authenticator = ClientAuthenticator.disabled();
            String warning = "DEVELOPMENT MODE (--dev): client JWT verification is OFF; any caller can reach patient data. "
                    + "Never run like this on a network an EHR or anyone else can reach.";
            LOG.warn("!!!!! {}", warning);
            err.println("myeloma-cds: WARNING: " + warning);
        } else {
            authenticator = jwtAuthenticator(config);
            if (authenticator == null) {
                err.println("myeloma-cds: no trustedIssuers configured, so every client would be refused; list the CDS "
                        + "clients you trust in the --config file (see config/serve.example.yaml), or use --dev for local development");
                rules.close();
                return ExitCode.USAGE;
            }
        }
        FeedbackStore feedback;
        try {
            JdbcFeedbackStore store = feedbackStore(config);
            LOG.info("feedback database: {}", store.url());
            feedback = store;
        } catch (RuntimeException e) {
            err.println("myeloma-cds: cannot open the feedback database: " + e.getMessage());
            rules.close();
            return ExitCode.USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (CdsServer server = new CdsServer(config, authenticator, feedback, rules, Clock.systemDefaultZone())) {
            server.start();
            out.println("myeloma-cds: CDS Hooks service at " + server.baseUrl() + "/cds-services (health: "
                    + server.baseUrl() + "/health). Decision support for clinicians; not a prescription. Ctrl-C stops it.");
            // The page people open in a browser: said at start-up, or said why it is not there.
            out.println(org.myelomacds.server.review.ReviewRoutes.servedOn(config.bind(), config.dev())
                    ? "myeloma-cds: case-review page at " + server.baseUrl() + "/review"
                    : "myeloma-cds: case-review page off (bound to " + config.bind() + ", not loopback; see the README, \"Case-review page\")");
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "myeloma-cds-stop"));
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            err.println("myeloma-cds: cannot start the server on " + config.bind() + ":" + config.port() + ": " + e.getMessage());
            return ExitCode.USAGE;
        } finally {
            feedback.close();
            rules.close();
        }
        return ExitCode.OK;
    }

    /**
     * The rulebase: the build-time one by default (the tested artifact); with a rules directory, that directory,
     * watched and hot-reloaded through the scenario gate of the fhir-samples next to it (watchRules: false serves it
     * as compiled at start-up).
     */
    private static RulebaseSource rulebaseSource(ServerConfig config) throws RulebaseException {
        if (config.rulesDir() == null) return RulebaseSource.fixed(org.myelomacds.engine.ShippedRulebase.rulebase());
        if (!config.watchRules()) return RulebaseSource.fixed(Rulebase.compileDirectory(config.rulesDir()));
        Path scenarios = config.rulesDir().toAbsolutePath().normalize().resolveSibling("fhir-samples");
        if (!Files.isDirectory(scenarios)) {
            throw new RulebaseException("hot reload of " + config.rulesDir() + " is gated by the scenarios in " + scenarios
                    + ", which does not exist; put fhir-samples/ next to the rules directory or set watchRules: false", List.of());
        }
        return WatchingRulebaseSource.start(config.rulesDir(), org.myelomacds.scenario.ScenarioGate.in(scenarios));
    }

    /** Client JWT verification against the trusted issuers of the configuration; null when none is configured. */
    private static ClientAuthenticator jwtAuthenticator(ServerConfig config) {
        if (config.trustedIssuers().isEmpty()) return null;
        return new JwtClientAuthenticator(config.trustedIssuers());
    }

    /** The feedback database (JDBC URL from the configuration; embedded H2 by default). */
    private static JdbcFeedbackStore feedbackStore(ServerConfig config) {
        return JdbcFeedbackStore.open(config.feedbackJdbcUrl(), config.feedbackUser(), config.feedbackPassword(),
                java.time.Duration.ofSeconds(config.feedbackTimeoutSeconds()));
    }
}
