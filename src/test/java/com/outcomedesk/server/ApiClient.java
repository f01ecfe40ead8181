package com.outcomedesk.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.outcomedesk.documents.Documents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real HTTP client against a started server, for the API tests. */
final class ApiClient {
    private final HttpClient http;
    private final String base;

    ApiClient(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    static ApiClient plain(int port) {
        return new ApiClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), "http://127.0.0.1:" + port);
    }

    /** An answer: the status, the body as text and as JSON (null when it is not JSON), and the response. */
    record Answer(int status, String body, HttpResponse<String> response) {
        JsonNode json() {
            try {
                return Documents.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }
    }

    Answer get(String path, String token) {
        return send(builder(path, token).GET().build());
    }

    Answer delete(String path, String token) {
        return send(builder(path, token).DELETE().build());
    }

    Answer post(String path, String token, String json) {
        return send(builder(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Answer put(String path, String token, String json) {
        return send(builder(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Answer post(String path, String token, String contentType, HttpRequest.BodyPublisher body) {
        return send(builder(path, token).header("Content-Type", contentType).POST(body).build());
    }

    String signIn(String user, String password) {
        Answer a = post("/api/v1/auth/token", null, "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}");
        if (a.status() != 200) throw new IllegalStateException("sign-in failed: " + a.body());
        return a.json().get("token").asText();
    }

    private HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b;
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
