package io.linia.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** One answer of the REST API as the client saw it: status, headers, raw body, and the body as JSON. */
public record ApiResponse(String request, int status, HttpHeaders headers, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body parsed as JSON ({@link MissingNode} when there is no body). */
    public JsonNode json() {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (" + this + ")", e);
        }
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The media type without parameters, e.g. {@code application/problem+json}; empty when absent. */
    public String mediaType() {
        return headers.firstValue("Content-Type").map(v -> v.split(";")[0].strip().toLowerCase()).orElse("");
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The {@code type} of a problem detail after the last slash ({@code stale}, {@code not-found}…). */
    public String problemType() {
        String type = json().path("type").asText("");
        return type.substring(type.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        String text = text();
        return request + " → " + status + " " + (text.length() > 600 ? text.substring(0, 600) + "…" : text);
    }
}
