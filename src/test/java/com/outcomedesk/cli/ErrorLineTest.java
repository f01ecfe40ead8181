package com.outcomedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;

/** The one line the command line prints for a failure never quotes SQL. */
class ErrorLineTest {
    @Test
    void aDatabaseErrorIsPrintedWithoutTheStatement() {
        SQLException driver = new SQLException("General error: \"page unreadable\"; SQL statement:\n"
                + "select a.summary from appointments a where a.patient_ref = 'P-123' [50000-240]");
        String line = OutcomeDeskCli.oneLine(new GenericJDBCException(
                "JDBC exception executing SQL [select a.summary from appointments a]", driver));
        assertThat(line).isEqualTo("Database error: General error: \"page unreadable\"");
    }
}
