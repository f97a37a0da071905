package org.myelomacds.cli;

import org.myelomacds.engine.Rulebase;
import org.myelomacds.engine.RulebaseException;
import org.myelomacds.engine.RulebaseSource;
import org.myelomacds.server.CdsServer;
import org.myelomacds.server.ServerConfig;
import org.myelomacds.server.feedback.FeedbackStore;
import org.myelomacds.server.security.ClientAuthenticator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
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

    @Option(names = "--rules", paramLabel = "DIR", description = "serve this rule directory, compiled at start-up, instead of the build-time rulebase")
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
                    null, null, null, null));
        } catch (ServerConfig.ConfigException | IllegalArgumentException e) {
            err.println("myeloma-cds: " + e.getMessage());
            return Main.USAGE;
        }
        RulebaseSource rules;
        try {
            rules = rulebaseSource(config);
        } catch (RulebaseException e) {
            err.println("myeloma-cds: " + e.getMessage());
            e.problems().forEach(p -> err.println("  " + p));
            return Main.RULEBASE_ERROR;
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
                err.println("myeloma-cds: client JWT verification is not available in this build; run with --dev for local development");
                return Main.USAGE;
            }
        }
        FeedbackStore feedback = feedbackStore(config);
        if (feedback == null) {
            err.println("myeloma-cds: no feedback store is available in this build");
            return Main.USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (CdsServer server = new CdsServer(config, authenticator, feedback, rules, Clock.systemDefaultZone())) {
            server.start();
            out.println("myeloma-cds: CDS Hooks service at " + server.baseUrl() + "/cds-services (health: "
                    + server.baseUrl() + "/health). Decision support for clinicians; not a prescription. Ctrl-C stops it.");
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "myeloma-cds-stop"));
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            err.println("myeloma-cds: cannot start the server on " + config.bind() + ":" + config.port() + ": " + e.getMessage());
            return Main.USAGE;
        } finally {
            feedback.close();
            rules.close();
        }
        return Main.OK;
    }

    /** Wiring point: the rulebase the server answers with. */
    private static RulebaseSource rulebaseSource(ServerConfig config) throws RulebaseException {
        Rulebase rb = config.rulesDir() == null ? EvaluateCommand.Readers.shippedRulebase() : Rulebase.compileDirectory(config.rulesDir());
        return RulebaseSource.fixed(rb);
    }

    /** Wiring point: verification of the client's JWT against the trusted issuers of the configuration. */
    private static ClientAuthenticator jwtAuthenticator(ServerConfig config) {
        return null;
    }

    /** Wiring point: the feedback database (JDBC URL from the configuration). */
    private static FeedbackStore feedbackStore(ServerConfig config) {
        return null;
    }
}
