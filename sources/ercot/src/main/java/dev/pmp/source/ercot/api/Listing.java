package dev.pmp.source.ercot.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * An archive ({@code /archive/{emil}}) or bundle ({@code /bundle/{emil}}) listing: the documents of its
 * {@code archives} or {@code bundles} array and its {@code _meta} paging. An empty listing has only
 * {@code _links}, {@code _meta} and {@code product}.
 *
 * @param documents in listing order (newest first)
 * @param page {@code _meta.currentPage}, 0 when absent
 * @param pages {@code _meta.totalPages}, 0 when absent
 */
record Listing(List<Document> documents, long page, long pages) {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    Listing {
        documents = List.copyOf(documents);
    }

    /**
     * Reads a listing, after {@link ApiErrors#check}.
     *
     * @throws SourceException {@link Failure#BAD_DATA} for anything that is not such a listing
     */
    static Listing parse(String what, byte[] body) throws SourceException {
        ApiErrors.check(what, body);
        List<Document> docs = new ArrayList<>();
        long[] paging = new long[2];
        boolean sawMeta = false;
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new SourceException(Failure.BAD_DATA, what + ": not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "archives", "bundles" -> documents(p, what, docs);
                    case "_meta" -> {
                        sawMeta = true;
                        meta(p, paging);
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new SourceException(Failure.BAD_DATA, what + ": truncated or trailing content");
            }
        } catch (IOException e) {
            throw new SourceException(Failure.BAD_DATA, what + ": not valid JSON: " + e.getMessage(), e);
        }
        if (!sawMeta) {
            throw new SourceException(Failure.BAD_DATA, what + ": not an archive listing (no _meta)");
        }
        return new Listing(docs, paging[0], paging[1]);
    }

    private static void documents(JsonParser p, String what, List<Document> out) throws IOException, SourceException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new SourceException(Failure.BAD_DATA, what + ": archives is not an array");
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            Long docId = null;
            String friendly = null;
            String posted = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                switch (key) {
                    case "docId" -> docId = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue()
                            : t == JsonToken.VALUE_STRING ? parseLong(p.getText()) : null;
                    case "friendlyName" -> friendly = t == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "postDatetime" -> posted = t == JsonToken.VALUE_STRING ? p.getText() : null;
                    default -> p.skipChildren();
                }
            }
            int i = out.size();
            if (docId == null || friendly == null || posted == null) {
                throw new SourceException(Failure.BAD_DATA, what + ": archives[" + i
                        + "] lacks docId, friendlyName or postDatetime");
            }
            try {
                out.add(new Document(docId, friendly, LocalDateTime.parse(posted)));
            } catch (DateTimeParseException e) {
                throw new SourceException(Failure.BAD_DATA, what + ": archives[" + i + "] postDatetime \"" + posted
                        + "\" is not yyyy-MM-ddTHH:mm:ss[.SSS]");
            }
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw new SourceException(Failure.BAD_DATA, what + ": archives[" + out.size() + "] is not an object");
        }
    }

    private static Long parseLong(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void meta(JsonParser p, long[] paging) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            if (key.equals("currentPage") && p.currentToken().isNumeric()) {
                paging[0] = p.getLongValue();
            } else if (key.equals("totalPages") && p.currentToken().isNumeric()) {
                paging[1] = p.getLongValue();
            } else {
                p.skipChildren();
            }
        }
    }
}
