package com.outcomedesk.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The manifest parser reads back what is written, and refuses anything else with a BackupException only. */
class BackupManifestPropertyTest {

    @Property(tries = 200)
    void aWrittenManifestReadsBackEqual(@ForAll("manifests") BackupManifest m) {
        assertThat(BackupManifest.parse(m.toJson())).isEqualTo(m);
    }

    @Property(tries = 300)
    void aDamagedManifestIsRefusedAsSuchNeverWithAnotherFailure(@ForAll("manifests") BackupManifest m,
                                                                @ForAll @IntRange(min = 0, max = 10_000) int at,
                                                                @ForAll @IntRange(min = 1, max = 255) int flip) {
        byte[] json = m.toJson();
        json[at % json.length] ^= (byte) flip;
        try {
            BackupManifest parsed = BackupManifest.parse(json);
            // a flip inside a free-text value can still be a manifest; it must then be a valid one
            assertThat(parsed.parts()).hasSameSizeAs(m.parts());
        } catch (BackupException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.reason()).isIn(BackupException.Reason.NOT_A_BACKUP, BackupException.Reason.NEWER);
        }
    }

    @Property(tries = 200)
    void arbitraryTextIsNotAManifest(@ForAll String text) {
        assertThatThrownBy(() -> BackupManifest.parse(text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BackupException.class);
    }

    @net.jqwik.api.Example
    void aPartNameThatStepsOutOfTheBackupIsRefused() {
        for (String name : List.of("files/..", "files/../../etc/passwd", "/tmp/x")) {
            BackupManifest m = new BackupManifest(BackupManifest.FORMAT, 1, "app", "48", OffsetDateTime.now(ZoneOffset.UTC), "admin",
                    "site", "H2", false, BackupManifest.Encryption.none(),
                    List.of(new BackupManifest.Part(name, BackupManifest.Part.FILE, null, null, 1, "0".repeat(64), false)));
            assertThatThrownBy(() -> BackupManifest.parse(m.toJson())).isInstanceOf(BackupException.class)
                    .hasMessageContaining("is not allowed");
        }
    }

    @Provide
    Arbitrary<BackupManifest> manifests() {
        // ".." is a path step the reader refuses in a part name, so it is no name a writer gives a part.
        Arbitrary<String> words = Arbitraries.strings().alpha().numeric().withChars('-', '_', '.').ofMinLength(1).ofMaxLength(20)
                .filter(w -> !w.equals(".."));
        Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
        Arbitrary<BackupManifest.Part> part = Combinators.combine(words, Arbitraries.of(true, false),
                Arbitraries.longs().between(0, Long.MAX_VALUE / 2), hex, Arbitraries.of(true, false))
                .as((name, table, n, sha, sealed) -> table
                        ? new BackupManifest.Part("tables/" + name + ".json", BackupManifest.Part.TABLE, name, n, n * 2, sha, sealed)
                        : new BackupManifest.Part("files/" + name, BackupManifest.Part.FILE, null, null, n, sha, sealed));
        Arbitrary<List<BackupManifest.Part>> parts = part.list().ofMaxSize(8).uniqueElements(BackupManifest.Part::name)
                .map(ArrayList::new);
        Arbitrary<BackupManifest.Encryption> encryption = Arbitraries.of(
                BackupManifest.Encryption.none(),
                new BackupManifest.Encryption("store", null, null, null, null, "Y2hlY2s="),
                new BackupManifest.Encryption("passphrase", "c2FsdA==", 19456, 2, 1, "Y2hlY2s="));
        Arbitrary<OffsetDateTime> times = Arbitraries.longs().between(0, 4_000_000_000_000L)
                .map(ms -> OffsetDateTime.ofInstant(Instant.ofEpochMilli(ms), ZoneOffset.ofHours((int) (ms % 12))));
        return Combinators.combine(words, Arbitraries.integers().between(1, 48).map(String::valueOf), times, words, words,
                Arbitraries.of("H2", "POSTGRESQL"), encryption, parts)
                .as((app, schema, at, by, site, source, enc, ps) -> new BackupManifest(BackupManifest.FORMAT, 1, app, schema,
                        at, by, site, source, enc.sealed() && "store".equals(enc.scheme()), enc, List.copyOf(ps)));
    }
}
