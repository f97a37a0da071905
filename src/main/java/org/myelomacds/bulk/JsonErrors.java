package org.myelomacds.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Jackson's parse errors in the words an export's reader needs: what was wrong and at which column of the line. */
final class JsonErrors {
    private JsonErrors() { }

    static String describe(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
        // Jackson names its input source and repeats the location; the line is already named by file and number
        String what = e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                .replaceAll("\\s*\\[Source:[^\\]]*\\]", "").strip();
        return "not JSON" + where + ": " + what;
    }
}
