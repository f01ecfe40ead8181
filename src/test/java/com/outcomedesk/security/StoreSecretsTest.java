package com.outcomedesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outcomedesk.security.StoreSecrets.Purpose;
import com.outcomedesk.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSecretsTest {
    @TempDir Path home;

    @Test
    void keysOutliveTheProcessInAnOwnerOnlyFileAndDifferPerPurpose() throws Exception {
        StoreLocation location = StoreLocation.of(home, null);
        byte[] audit = StoreSecrets.of(location).key(Purpose.AUDIT_CHAIN);
        byte[] signing = StoreSecrets.of(location).key(Purpose.MODEL_SIGNING);

        assertThat(StoreSecrets.of(location).key(Purpose.AUDIT_CHAIN)).isEqualTo(audit);
        assertThat(signing).hasSize(32).isNotEqualTo(audit);
        Path file = StoreSecrets.path(location).orElseThrow();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void anEncryptedStoresSecretsAreSealedUnderItsDataKey() throws Exception {
        StoreLocation location = StoreLocation.of(home, null);
        byte[] dataKey = EncryptedStore.newDataKey();
        byte[] key = StoreSecrets.of(EncryptedStore.unlocked(location, dataKey)).key(Purpose.AUDIT_CHAIN);

        String onDisk = Files.readString(StoreSecrets.path(location).orElseThrow(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(onDisk).doesNotContain("AUDIT_CHAIN");
        assertThat(StoreSecrets.of(EncryptedStore.unlocked(location, dataKey)).key(Purpose.AUDIT_CHAIN)).isEqualTo(key);
        assertThatThrownBy(() -> StoreSecrets.of(EncryptedStore.unlocked(location, EncryptedStore.newDataKey())))
                .hasMessageContaining("damaged or belongs to another store");
    }

    @Test
    void twoInstancesOpenAtOnceKeepEachOthersKeys() {
        StoreLocation location = StoreLocation.of(home, null);
        StoreSecrets first = StoreSecrets.of(location);
        StoreSecrets second = StoreSecrets.of(location);
        byte[] audit = first.key(Purpose.AUDIT_CHAIN);
        second.key(Purpose.MODEL_SIGNING);
        assertThat(second.key(Purpose.AUDIT_CHAIN)).as("the key the other instance made").isEqualTo(audit);
        assertThat(StoreSecrets.of(location).key(Purpose.AUDIT_CHAIN)).isEqualTo(audit);
    }
}
