package com.outcomedesk.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.outcomedesk.errors.WrongFileException;
import com.outcomedesk.store.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The file that carries a network's model-signing key from one site to the others: a small JSON document
 * {@code {"kind":"outcome-desk model-signing key","version":1,"key":"<base64>"}}, created owner-only. It
 * is a secret like a password: whoever holds it can sign models every site of the network will trust.
 */
final class NetworkSigningKey {
    static final String KIND = "outcome-desk model-signing key";
    private static final int MAX_FILE = 4_096;

    private NetworkSigningKey() {
    }

    static void write(Path file, byte[] key) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("kind", KIND);
        doc.put("version", 1);
        doc.put("key", Base64.getEncoder().encodeToString(key));
        try {
            if (Files.exists(file)) throw new IllegalArgumentException("The key file " + file + " exists already: choose a new name.");
            OwnerOnly.createFile(file);
            Files.write(file, ModelRegistry.JSON.writeValueAsBytes(doc));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the key file " + file + ": " + e.getMessage(), e);
        }
    }

    static byte[] read(Path file) {
        try {
            if (!Files.isRegularFile(file)) throw new IllegalArgumentException("There is no key file " + file + ".");
            if (Files.size(file) > MAX_FILE) throw new IllegalArgumentException(file + " is not a model-signing key file: it is too large.");
            JsonNode doc = ModelRegistry.JSON.readTree(Files.readAllBytes(file));
            if (doc == null || !KIND.equals(doc.path("kind").asText()) || doc.path("version").asInt() != 1) {
                throw new WrongFileException(WrongFileException.Kind.SIGNING_KEY, file + " is not a model-signing key file");
            }
            byte[] key = Base64.getDecoder().decode(doc.path("key").asText());
            if (key.length < 32) throw new IllegalArgumentException(file + " holds a key shorter than 256 bits.");
            return key;
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not a model-signing key file: " + e.getMessage(), e);
        }
    }
}
