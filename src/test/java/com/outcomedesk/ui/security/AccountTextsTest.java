package com.outcomedesk.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.audit.AuditEntry;
import com.outcomedesk.common.Role;
import com.outcomedesk.security.UserAccount;
import com.outcomedesk.ui.support.DateStyle;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What the Users and Audit trail tables write in their cells, from hand-made values: no screen, no store. */
class AccountTextsTest {
    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 5, 6, 7, 8, 9, 500_000_000, ZoneOffset.UTC);

    private static UserAccount user(boolean disabled, OffsetDateTime lockedUntil) {
        return new UserAccount("bob", Role.CLINICIAN, disabled, 3, lockedUntil, AT, AT, "alice");
    }

    @Test
    void aUserIsDisabledWaitingOutALockOrActive() {
        assertThat(UsersViewModel.state(user(true, AT))).isEqualTo("disabled");
        assertThat(UsersViewModel.state(user(false, AT))).as("to the second").isEqualTo("waiting until 07:08:09");
        assertThat(UsersViewModel.state(user(false, null))).isEqualTo("active");
        assertThat(UsersViewModel.resetPasswordHeader(user(false, null))).isEqualTo("New password for bob (at least 12 characters)");
    }

    @Test
    void anAuditEntryNamesItsRecordAndOriginAndItsTimeInTheLocalZone() {
        AuditEntry full = new AuditEntry("site-a", 42, AT, "alice", "update", "appointment", "17", null, null, null);
        AuditEntry bare = new AuditEntry("site-a", 43, AT, "alice", "sign-in", null, null, null, null, null);
        assertThat(AuditViewModel.record(full)).isEqualTo("appointment 17");
        assertThat(AuditViewModel.record(bare)).isEmpty();
        assertThat(AuditViewModel.origin(full)).isEqualTo("site-a / 42");
        var local = AT.atZoneSameInstant(ZoneId.systemDefault());
        assertThat(AuditViewModel.when(AT, DateStyle.ISO))
                .isEqualTo(DateStyle.ISO.format(LocalDate.from(local)) + " " + String.format("%02d:%02d:%02d",
                        local.getHour(), local.getMinute(), local.getSecond()));
    }
}
