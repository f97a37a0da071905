package org.myelomacds.server.feedback;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class H2MemoryFeedbackStoreTest extends FeedbackStoreContract {
    @Override
    protected String freshUrl() {
        return "jdbc:h2:mem:feedback-" + UUID.randomUUID();
    }

    @Test
    void anUnreachableDatabaseIsReportedWithItsUrlAndNoPassword() {
        FeedbackStoreException e = assertThrows(FeedbackStoreException.class,
                () -> JdbcFeedbackStore.open("jdbc:postgresql://127.0.0.1:1/feedback?user=cds&password=s3cret"));
        assertTrue(e.getMessage().startsWith("cannot open the feedback database jdbc:postgresql://127.0.0.1:1/feedback?user=cds&password=***"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"));
    }

    @Test
    void redactsPasswordsInUrls() {
        assertEquals("jdbc:h2:file:./x;USER=a;PASSWORD=***", JdbcFeedbackStore.redact("jdbc:h2:file:./x;USER=a;PASSWORD=b"));
    }
}
