package org.myelomacds.server.feedback;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same store contract on a real PostgreSQL: against MYELOMA_CDS_PG_URL when set (a database the test may create
 * databases in), otherwise on a throwaway cluster started from the server binaries under /usr/lib/postgresql.
 * Skipped, with the reason, when neither exists.
 */
class PostgresFeedbackStoreIT extends FeedbackStoreContract {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static String adminUrl;
    private static Path clusterDir;
    private static List<String> asOwner = List.of();
    private static Path binDir;
    private static String serverOptions;

    @BeforeAll
    static void startPostgres() throws Exception {
        String given = System.getenv("MYELOMA_CDS_PG_URL");
        if (given != null && !given.isBlank()) {
            adminUrl = given;
            return;
        }
        binDir = serverBinaries();
        Assumptions.assumeTrue(binDir != null, "no PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql and MYELOMA_CDS_PG_URL unset");
        clusterDir = Files.createTempDirectory("feedback-pg-it");
        if ("root".equals(System.getProperty("user.name"))) {
            // initdb refuses to run as root; the Debian packages' postgres account owns the throwaway cluster.
            Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser")),
                    "running as root without runuser to start PostgreSQL as another user");
            UserPrincipal postgres;
            try {
                postgres = clusterDir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            } catch (IOException e) {
                Assumptions.abort("running as root and there is no 'postgres' user to start PostgreSQL as");
                return;
            }
            Files.setOwner(clusterDir, postgres);
            asOwner = List.of("runuser", "-u", "postgres", "--");
        }
        Path data = clusterDir.resolve("data");
        run(binDir.resolve("initdb").toString(), "-D", data.toString(), "-U", "cds", "--auth=trust", "-E", "UTF8", "--no-sync");
        // The free port is found by binding and releasing it, so another process can take it before PostgreSQL does;
        // a start that fails is retried on a new port.
        for (int attempt = 1; ; attempt++) {
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) { port = s.getLocalPort(); }
            try {
                serverOptions = "-p " + port + " -k " + clusterDir + " -c listen_addresses=127.0.0.1 -c fsync=off";
                startCluster();
                adminUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=cds";
                return;
            } catch (IllegalStateException e) {
                if (attempt == 3) throw e;
            }
        }
    }

    /**
     * The service's prober calls probe() on a schedule; one call can still fail while the restarted server accepts
     * its first connections on a loaded machine (the pool waits 2 s), so the test probes as the prober would, until
     * the store is up or a generous limit passes. This waits for recovery; it measures no speed.
     */
    private static void probeUntilUp(GuardedFeedbackStore guarded) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        guarded.probe();
        while (!guarded.isUp() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            guarded.probe();
        }
    }

    private static void startCluster() throws Exception {
        run(binDir.resolve("pg_ctl").toString(), "-D", clusterDir.resolve("data").toString(), "-l", clusterDir.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", serverOptions, "start");
    }

    private static void stopCluster() throws Exception {
        run(binDir.resolve("pg_ctl").toString(), "-D", clusterDir.resolve("data").toString(), "-m", "fast", "-w", "stop");
    }

    /**
     * The database stops while the service runs: feedback and override rates are refused as unavailable (the server
     * answers 503 with Retry-After) within the connection timeout, the status says DOWN with the database's message,
     * a card issued meanwhile waits in memory instead of being dropped, and once the database is back it is written,
     * so feedback on that card is accepted.
     */
    @Test
    void anOutageIsRefusedAsUnavailableAndCardsIssuedDuringItAreWrittenWhenTheDatabaseReturns() throws Exception {
        Assumptions.assumeTrue(clusterDir != null, "the outage needs the throwaway cluster this test starts and stops, not MYELOMA_CDS_PG_URL");
        String url = freshUrl();
        try (JdbcFeedbackStore jdbc = JdbcFeedbackStore.open(url, null, null, Duration.ofSeconds(2));
             GuardedFeedbackStore guarded = new GuardedFeedbackStore(jdbc, Clock.systemUTC(), 100, Duration.ofHours(1))) {
            guarded.recordIssued(List.of(card("before-outage", "FLAG-SAFETY-HBV-01")));
            assertTrue(guarded.recordFeedback(accepted("before-outage")));

            stopCluster();
            try {
                long start = System.nanoTime();
                assertThrows(GuardedFeedbackStore.Unavailable.class, () -> guarded.recordFeedback(accepted("before-outage")));
                System.out.printf("feedback during the outage refused after %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                assertFalse(guarded.isUp());
                Map<String, Object> down = guarded.describe();
                assertEquals("DOWN", down.get("status"));
                assertNotNull(down.get("lastError"), down.toString());
                assertNotNull(down.get("downSince"), down.toString());
                // Once known to be down, callers are refused without waiting on the database again.
                assertThrows(GuardedFeedbackStore.Unavailable.class, guarded::overrideRates);

                guarded.recordIssued(List.of(card("during-outage", "FLAG-LOGISTICS-TS-01")));
                assertEquals(1, guarded.describe().get("issuedCardsWaiting"));
                assertEquals(0L, guarded.describe().get("issuedCardsRefused"));
            } finally {
                startCluster();
            }

            probeUntilUp(guarded);
            assertTrue(guarded.isUp(), guarded.describe().toString());
            assertEquals(0, guarded.describe().get("issuedCardsWaiting"));
            assertTrue(guarded.recordFeedback(overridden("during-outage", "not-applicable")),
                    "a card issued while the database was down is known once it is back");
            assertEquals(1, rate(guarded.overrideRates(), "FLAG-LOGISTICS-TS-01").overridden());
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (clusterDir == null) return;
        try {
            if (Files.exists(clusterDir.resolve("data/postmaster.pid"))) {
                run(binDir.resolve("pg_ctl").toString(), "-D", clusterDir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
            }
        } finally {
            try (Stream<Path> walk = Files.walk(clusterDir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Override
    protected String freshUrl() throws Exception {
        String db = "feedback_it_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        return adminUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + db + "$1");
    }

    private static Path serverBinaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) return null;
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.naturalOrder()).orElse(null);
        }
    }

    private static void run(String... command) throws Exception {
        List<String> full = new ArrayList<>(asOwner);
        full.addAll(List.of(command));
        Process p = new ProcessBuilder(full).redirectErrorStream(true).directory(clusterDir.toFile()).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output);
        }
    }
}
