package org.myelomacds.server.feedback;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class H2FileFeedbackStoreTest extends FeedbackStoreContract {
    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("feedback").toAbsolutePath() + ";AUTO_SERVER=FALSE";
    }

    @Override
    protected String freshUrl() {
        return url();
    }

    @Test
    void dataSurvivesARestart() {
        store.recordIssued(List.of(card("c1", "r1"), card("c2", "r1")));
        assertTrue(store.recordFeedback(overridden("c1", "not-indicated")));
        store.close();
        assertTrue(Files.exists(dir.resolve("feedback.mv.db")), "H2 keeps the data in feedback.mv.db");

        store = JdbcFeedbackStore.open(url());
        assertEquals(1, store.schemaVersion(), "reopening does not migrate again");
        assertEquals(2, store.issuedCardCount());
        assertTrue(store.recordFeedback(accepted("c2")), "cards issued before the restart still take feedback");
        OverrideRate r1 = rate(store.overrideRates(), "r1");
        assertEquals(1, r1.accepted());
        assertEquals(1, r1.overridden());
    }
}
