package io.linia.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A real HTTP client for the REST API of the running application (random port): one caller, with
 * its credentials (none, HTTP basic or a bearer token). Immutable; {@code basic}/{@code bearer}
 * return another caller.
 */
public final class ApiClient {

    /** Every demo user's password. */
    public static final String DEMO_PASSWORD = "linia2026";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final String base;
    private final String authorization;
    private final String description;

    private ApiClient(String base, String authorization, String description) {
        this.base = base;
        this.authorization = authorization;
        this.description = description;
    }

    public static ApiClient anonymous(int port) {
        return new ApiClient("http://localhost:" + port, null, "anonymous");
    }

    public ApiClient basic(String login) {
        return basic(login, DEMO_PASSWORD);
    }

    public ApiClient basic(String login, String password) {
        String pair = Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ApiClient(base, "Basic " + pair, login + " (basic)");
    }

    public ApiClient bearer(String token) {
        return new ApiClient(base, "Bearer " + token, "bearer " + (token.length() > 8 ? token.substring(0, 8) + "…" : token));
    }

    /** Exactly this {@code Authorization} header (for spellings the other methods do not produce). */
    public ApiClient authorization(String header) {
        return new ApiClient(base, header, "Authorization: " + (header.length() > 14 ? header.substring(0, 14) + "…" : header));
    }

    public ApiClient anonymous() {
        return new ApiClient(base, null, "anonymous");
    }

    public String description() {
        return description;
    }

    public ApiResponse get(String path) {
        return send("GET", path, null, null);
    }

    public ApiResponse get(String path, Map<String, ?> query) {
        return get(path + queryString(query));
    }

    /** POST with a JSON body made from {@code body} (a map or a record); no body at all when null. */
    public ApiResponse post(String path, Object body) {
        return body == null ? send("POST", path, null, null)
                : send("POST", path, toJson(body).getBytes(StandardCharsets.UTF_8), "application/json");
    }

    /** PUT with a JSON body made from {@code body} (a map or a record). */
    public ApiResponse put(String path, Object body) {
        return send("PUT", path, toJson(body).getBytes(StandardCharsets.UTF_8), "application/json");
    }

    public ApiResponse delete(String path) {
        return send("DELETE", path, null, null);
    }

    /** POST exactly these bytes with this content type (for malformed input). */
    public ApiResponse postRaw(String path, byte[] body, String contentType) {
        return send("POST", path, body, contentType);
    }

    public static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A map that keeps the insertion order and allows null values, for JSON bodies. */
    public static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    public static String queryString(Map<String, ?> query) {
        StringJoiner joiner = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((k, v) -> {
            if (v != null) {
                joiner.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8));
            }
        });
        return joiner.toString();
    }

    private ApiResponse send(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json")
                .header("Accept-Language", "en")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new ApiResponse(description + " " + method + " " + path, response.statusCode(), response.headers(),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
