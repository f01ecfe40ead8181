package com.outcomedesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.engine.SignIn;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.common.ProgressListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's files and backups hold no readable clinical text once the store is encrypted. */
class EncryptionAtRestTest {
    static final char[] PASSWORD = "river stone lantern".toCharArray();
    static final String MARKER = "Zebra quokka marker summary";
    static final String PATIENT = "PAT-778899";
    @TempDir Path dir;

    @Test
    void noSummaryTextOrDoctorIdInTheDatabaseFilesOrBackups() throws Exception {
        List<String> secrets = secrets();
        StoreLocation plain = TestStores.h2(dir.resolve("plain"));
        fill(plain, null);
        assertThat(found(dir.resolve("plain"), secrets)).as("the scan finds text in an unencrypted store").isNotEmpty();

        StoreLocation location = TestStores.h2(dir.resolve("enc"));
        SignIn.initialize(location, "alice", PASSWORD);
        fill(location, "alice");
        assertThat(unzipNames(dir.resolve("enc/backup.zip"))).contains("files/outcome-desk.keyring");
        assertThat(found(dir.resolve("enc"), secrets)).isEmpty();
        assertThat(Files.readString(EncryptedStore.keyringPath(location).orElseThrow())).doesNotContain("dr_");
    }

    /** Imports the reference sample, adds a marked appointment and takes an H2 backup. */
    private void fill(StoreLocation location, String user) throws Exception {
        try (SignIn.Session s = user == null ? SignIn.withoutAccounts(location) : SignIn.signIn(location, user, PASSWORD)) {
            Engine engine = s.engine();
            engine.importer().importFile(TestStores.referenceSample(), s.actor(), ProgressListener.NONE);
            engine.appointments().create(new AppointmentInput("dr_marker_77", MARKER, LocalDate.of(2025, 5, 1),
                    PATIENT, null), s.actor());
            engine.backup().backup(location.home().resolve("backup.zip"), s.actor(), null, false, ProgressListener.NONE);
        }
    }

    private static List<String> secrets() throws IOException {
        JsonNode records = new ObjectMapper().readTree(TestStores.referenceSample().toFile());
        TreeSet<String> all = new TreeSet<>(List.of(MARKER, PATIENT, "dr_marker_77"));
        for (JsonNode r : records) {
            all.add(r.get("doctor_id").asText());
            all.add(r.get("summary").asText().split("\\.")[0]);
        }
        return new ArrayList<>(all);
    }

    /** Which secrets appear in any file under the directory, zip entries read uncompressed. */
    private static List<String> found(Path root, List<String> secrets) throws IOException {
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                List<byte[]> contents = new ArrayList<>(List.of(bytes));
                if (f.toString().endsWith(".zip")) contents.addAll(unzip(bytes));
                for (byte[] content : contents) {
                    String text = new String(content, StandardCharsets.ISO_8859_1);
                    for (String s : secrets) if (text.contains(s)) hits.add(f.getFileName() + ": " + s);
                }
            }
        }
        return hits;
    }

    private static List<String> unzipNames(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) names.add(e.getName());
        }
        return names;
    }

    private static List<byte[]> unzip(byte[] zip) throws IOException {
        List<byte[]> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) entries.add(readAll(in));
        }
        return entries;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
