package org.myelomacds.server.feedback;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The feedback store on any JDBC database: an embedded H2 file by default ({@link #DEFAULT_URL}), PostgreSQL (or
 * another SQL database) by URL. The SQL is deliberately plain (VARCHAR, TIMESTAMP WITH TIME ZONE, no generated keys,
 * no upserts) so the same statements run on both. The schema is created and migrated on open, recorded in
 * {@code cds_feedback_schema}, one row per applied version.
 *
 * <p>Connections come from a small HikariCP pool: issuing cards is on every hook call's path, and opening a
 * PostgreSQL connection per call costs more than the evaluation itself; H2's own pool (JdbcConnectionPool) would
 * serve H2 only.
 */
public final class JdbcFeedbackStore implements FeedbackStore {
    /** Relative to the working directory the server starts in; H2 creates ./data/feedback.mv.db on first use. */
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/feedback;AUTO_SERVER=FALSE";
    public static final Set<String> OUTCOMES = Set.of("accepted", "overridden");
    /** Override reason key for overrides that carried no reason code. */
    public static final String NO_REASON = "(no reason given)";

    /** Longest space-separated list of rule ids one card may carry (a VARCHAR both H2 and PostgreSQL accept). */
    static final int MAX_RULE_IDS_CHARS = 10_000;

    /**
     * Schema versions in order; a database at version n gets every list after the n-th applied on open. A card's rule
     * ids are kept in one column because cards are issued on every hook call while feedback is rare: one row per card
     * on the hot path, and the ids are copied into rows (cds_feedback_rule) only when feedback arrives.
     */
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            "CREATE TABLE cds_issued_card (card_uuid VARCHAR(100) NOT NULL PRIMARY KEY, service_id VARCHAR(200) NOT NULL, "
                    + "hook_instance VARCHAR(200) NOT NULL, rulebase_sha256 VARCHAR(64) NOT NULL, issued_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                    + "rule_ids VARCHAR(" + MAX_RULE_IDS_CHARS + ") NOT NULL)",
            "CREATE TABLE cds_feedback (feedback_id VARCHAR(36) NOT NULL PRIMARY KEY, "
                    + "card_uuid VARCHAR(100) NOT NULL REFERENCES cds_issued_card (card_uuid), service_id VARCHAR(200) NOT NULL, "
                    + "outcome VARCHAR(16) NOT NULL CHECK (outcome IN ('accepted', 'overridden')), "
                    + "outcome_at TIMESTAMP WITH TIME ZONE NOT NULL, override_reason_code VARCHAR(200), "
                    + "override_reason_display VARCHAR(1000), user_comment VARCHAR(4000), received_at TIMESTAMP WITH TIME ZONE NOT NULL)",
            "CREATE INDEX cds_feedback_card ON cds_feedback (card_uuid)",
            "CREATE TABLE cds_feedback_rule (feedback_id VARCHAR(36) NOT NULL REFERENCES cds_feedback (feedback_id), "
                    + "rule_id VARCHAR(300) NOT NULL, PRIMARY KEY (feedback_id, rule_id))",
            "CREATE TABLE cds_feedback_suggestion (feedback_id VARCHAR(36) NOT NULL REFERENCES cds_feedback (feedback_id), "
                    + "suggestion_id VARCHAR(200) NOT NULL, PRIMARY KEY (feedback_id, suggestion_id))"));

    private final HikariDataSource pool;
    private final String url;

    private JdbcFeedbackStore(HikariDataSource pool, String url) {
        this.pool = pool;
        this.url = url;
    }

    public static JdbcFeedbackStore open(String jdbcUrl) {
        return open(jdbcUrl, null, null);
    }

    /** Opens the pool and brings the schema up to date; user and password may be null (or given in the URL). */
    public static JdbcFeedbackStore open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, java.time.Duration.ofSeconds(5));
    }

    /**
     * As {@link #open(String, String, String)}, waiting at most {@code timeout} for a connection: a database that is down
     * makes calls fail within about that time instead of holding them (HikariCP's own default is 30 s).
     */
    public static JdbcFeedbackStore open(String jdbcUrl, String user, String password, java.time.Duration timeout) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(durable(jdbcUrl));
        if (user != null) config.setUsername(user);
        if (password != null) config.setPassword(password);
        config.setPoolName("feedback");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        long millis = Math.max(250, timeout.toMillis());
        config.setConnectionTimeout(millis);
        config.setValidationTimeout(Math.max(250, millis / 2));
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            // The driver's own waits, in seconds: connecting, and any one read (a network partition, not a slow query).
            long seconds = Math.max(1, timeout.toSeconds());
            config.addDataSourceProperty("connectTimeout", String.valueOf(seconds));
            config.addDataSourceProperty("socketTimeout", String.valueOf(Math.max(10, 5 * seconds)));
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new FeedbackStoreException("cannot open the feedback database " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
        JdbcFeedbackStore store = new JdbcFeedbackStore(pool, jdbcUrl);
        try {
            store.migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return store;
    }

    /**
     * An embedded H2 file database writes a commit to its file only after a delay (WRITE_DELAY, 500 ms by default), so a
     * process killed just after answering would lose what it acknowledged. With 0 every commit is written to the file
     * before the call returns. Unless the URL sets it itself.
     */
    static String durable(String jdbcUrl) {
        boolean h2File = jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:h2:mem:");
        if (!h2File || jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY=")) return jdbcUrl;
        return jdbcUrl + ";WRITE_DELAY=0";
    }

    /** Whether the database answers now (within the connection timeout); throws what it answered otherwise. */
    public void ping() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
        } catch (SQLException e) {
            throw failure("reach the database", e);
        }
    }

    /** The URL with any password parameter masked, for logs and health output. */
    public String url() { return redact(url); }

    int schemaVersion() {
        try (Connection c = pool.getConnection()) {
            return currentVersion(c);
        } catch (SQLException e) {
            throw failure("read the schema version", e);
        }
    }

    private void migrate() {
        try (Connection c = pool.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS cds_feedback_schema (version INTEGER NOT NULL PRIMARY KEY, "
                        + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            }
            int current = currentVersion(c);
            if (current > MIGRATIONS.size()) {
                throw new FeedbackStoreException("feedback database " + redact(url) + " is at schema version " + current
                        + ", newer than this program knows (" + MIGRATIONS.size() + ")", null);
            }
            for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    for (String ddl : MIGRATIONS.get(v - 1)) s.execute(ddl);
                    try (PreparedStatement p = c.prepareStatement("INSERT INTO cds_feedback_schema (version, applied_at) VALUES (?, ?)")) {
                        p.setInt(1, v);
                        p.setObject(2, utc(Instant.now()));
                        p.executeUpdate();
                    }
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw failure("create or migrate the schema", e);
        }
    }

    private static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(version) FROM cds_feedback_schema")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    @Override
    public void recordIssued(List<IssuedCard> cards) {
        if (cards.isEmpty()) return;
        List<String> ruleIds = new ArrayList<>(cards.size());
        for (IssuedCard ic : cards) ruleIds.add(joinRuleIds(ic));
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement card = c.prepareStatement("INSERT INTO cds_issued_card "
                    + "(card_uuid, service_id, hook_instance, rulebase_sha256, issued_at, rule_ids) VALUES (?, ?, ?, ?, ?, ?)")) {
                // Card uuids are derived from the request: a retried hook call issues the same cards again, which are
                // already recorded (same uuid, same rules), so they are skipped rather than refused as duplicates.
                java.util.Set<String> known = recorded(c, cards);
                int batched = 0;
                for (int i = 0; i < cards.size(); i++) {
                    IssuedCard ic = cards.get(i);
                    if (!known.add(ic.uuid())) continue;
                    batched++;
                    card.setString(1, ic.uuid());
                    card.setString(2, ic.serviceId());
                    card.setString(3, ic.hookInstance());
                    card.setString(4, ic.rulebaseSha256());
                    card.setObject(5, utc(ic.issuedAt()));
                    card.setString(6, ruleIds.get(i));
                    card.addBatch();
                }
                if (batched > 0) card.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("record " + cards.size() + " issued card(s)", e);
        }
    }

    /** The uuids among {@code cards} that are recorded already. */
    private static java.util.Set<String> recorded(Connection c, List<IssuedCard> cards) throws SQLException {
        java.util.Set<String> out = new java.util.HashSet<>();
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM cds_issued_card WHERE card_uuid = ?")) {
            for (IssuedCard ic : cards) {
                q.setString(1, ic.uuid());
                try (ResultSet r = q.executeQuery()) { if (r.next()) out.add(ic.uuid()); }
            }
        }
        return out;
    }

    /** The card's distinct rule ids, sorted, space-separated. */
    private static String joinRuleIds(IssuedCard card) {
        java.util.TreeSet<String> ids = new java.util.TreeSet<>();
        for (String id : card.ruleIds()) {
            if (id == null || id.isBlank() || id.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("card " + card.uuid() + " carries a rule id that is empty or contains whitespace: '" + id + "'");
            }
            ids.add(id);
        }
        String joined = String.join(" ", ids);
        if (joined.length() > MAX_RULE_IDS_CHARS) {
            throw new IllegalArgumentException("card " + card.uuid() + " carries " + ids.size() + " rule ids, more than the "
                    + MAX_RULE_IDS_CHARS + " characters a card's rule list may take");
        }
        return joined;
    }

    @Override
    public boolean recordFeedback(FeedbackEntry entry) {
        validate(entry);
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                String ruleIds;
                try (PreparedStatement p = c.prepareStatement("SELECT service_id, rule_ids FROM cds_issued_card WHERE card_uuid = ?")) {
                    p.setString(1, entry.cardUuid());
                    try (ResultSet r = p.executeQuery()) {
                        if (!r.next() || !r.getString(1).equals(entry.serviceId())) {
                            c.rollback();
                            return false;
                        }
                        ruleIds = r.getString(2);
                    }
                }
                String id = UUID.randomUUID().toString();
                try (PreparedStatement p = c.prepareStatement("INSERT INTO cds_feedback (feedback_id, card_uuid, service_id, outcome, "
                        + "outcome_at, override_reason_code, override_reason_display, user_comment, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    p.setString(1, id);
                    p.setString(2, entry.cardUuid());
                    p.setString(3, entry.serviceId());
                    p.setString(4, entry.outcome());
                    p.setObject(5, utc(entry.outcomeTimestamp()));
                    p.setString(6, entry.overrideReasonCode());
                    p.setString(7, entry.overrideReasonDisplay());
                    p.setString(8, entry.userComment());
                    p.setObject(9, utc(Instant.now()));
                    p.executeUpdate();
                }
                if (!ruleIds.isEmpty()) {
                    try (PreparedStatement p = c.prepareStatement("INSERT INTO cds_feedback_rule (feedback_id, rule_id) VALUES (?, ?)")) {
                        for (String ruleId : ruleIds.split(" ")) {
                            p.setString(1, id);
                            p.setString(2, ruleId);
                            p.addBatch();
                        }
                        p.executeBatch();
                    }
                }
                if (!entry.acceptedSuggestions().isEmpty()) {
                    try (PreparedStatement p = c.prepareStatement("INSERT INTO cds_feedback_suggestion (feedback_id, suggestion_id) VALUES (?, ?)")) {
                        for (String s : new java.util.TreeSet<>(entry.acceptedSuggestions())) {
                            p.setString(1, id);
                            p.setString(2, s);
                            p.addBatch();
                        }
                        p.executeBatch();
                    }
                }
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("record feedback for card " + entry.cardUuid(), e);
        }
    }

    private static void validate(FeedbackEntry e) {
        if (e.cardUuid() == null || e.cardUuid().isBlank()) throw new IllegalArgumentException("feedback has no card uuid");
        if (e.serviceId() == null || e.serviceId().isBlank()) throw new IllegalArgumentException("feedback has no service id");
        if (e.outcome() == null || !OUTCOMES.contains(e.outcome())) {
            throw new IllegalArgumentException("feedback outcome must be 'accepted' or 'overridden', got " + (e.outcome() == null ? "none" : "'" + e.outcome() + "'"));
        }
        if (e.outcomeTimestamp() == null) throw new IllegalArgumentException("feedback has no outcomeTimestamp");
        if (e.outcome().equals("accepted") && (e.overrideReasonCode() != null || e.userComment() != null)) {
            throw new IllegalArgumentException("an accepted card carries no overrideReason");
        }
        if (e.outcome().equals("overridden") && !e.acceptedSuggestions().isEmpty()) {
            throw new IllegalArgumentException("an overridden card carries no acceptedSuggestions");
        }
    }

    @Override
    public List<OverrideRate> overrideRates() {
        record Counts(long[] byOutcome, Map<String, Long> reasons) {}
        Map<String, Counts> byRule = new TreeMap<>();
        String sql = "SELECT r.rule_id, f.outcome, f.override_reason_code, COUNT(*) FROM cds_feedback f "
                + "JOIN cds_feedback_rule r ON r.feedback_id = f.feedback_id "
                + "GROUP BY r.rule_id, f.outcome, f.override_reason_code";
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                Counts counts = byRule.computeIfAbsent(r.getString(1), k -> new Counts(new long[2], new HashMap<>()));
                long n = r.getLong(4);
                if (r.getString(2).equals("accepted")) {
                    counts.byOutcome[0] += n;
                } else {
                    counts.byOutcome[1] += n;
                    String reason = r.getString(3) == null ? NO_REASON : r.getString(3);
                    counts.reasons.merge(reason, n, Long::sum);
                }
            }
        } catch (SQLException e) {
            throw failure("compute override rates", e);
        }
        List<OverrideRate> out = new ArrayList<>();
        byRule.forEach((rule, c) -> out.add(new OverrideRate(rule, c.byOutcome[0], c.byOutcome[1], c.reasons)));
        // The rules clinicians reject most come first: that is what a rule author opens this report for.
        out.sort(Comparator.comparingDouble(OverrideRate::rate).reversed().thenComparing(OverrideRate::ruleId));
        return out;
    }

    /** How many cards have been recorded as issued (health and tests). */
    public long issuedCardCount() { return count("cds_issued_card"); }

    /** How many feedback items have been stored (health and tests). */
    public long feedbackCount() { return count("cds_feedback"); }

    private long count(String table) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw failure("count " + table, e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private FeedbackStoreException failure(String what, SQLException e) {
        return new FeedbackStoreException("feedback database " + redact(url) + ": cannot " + what + ": " + e.getMessage(), e);
    }

    static String redact(String jdbcUrl) {
        return jdbcUrl == null ? null : jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) c = c.getCause();
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }
}
