package com.outcomedesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outcomedesk.testing.TestStores;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class DeidentifierTest {

    @Test
    void masksContactDetailsIdentifiersDatesAndNames() {
        String text = "Seen with Mrs. Jane Doe (jane.doe@example.org, +1 (555) 123-4567), MRN: A1234567, "
                + "SSN 123-45-6789, seen 2024-03-05; daughter Mary called 555 987 6543. BP 120/80, 2 tablets daily.";
        String masked = Deidentifier.mask(text);
        assertThat(masked).doesNotContain("Jane", "Doe", "jane.doe", "555", "A1234567", "123-45-6789", "2024-03-05", "Mary");
        assertThat(masked).contains("Mrs [NAME]", "[EMAIL]", "[PHONE]", "[ID]", "[DATE]", "daughter [NAME]",
                "BP 120/80, 2 tablets daily.");
    }

    @Test
    void leavesOrdinaryClinicalTextAlone() throws Exception {
        JsonNode records = new ObjectMapper().readTree(TestStores.referenceSample().toFile());
        for (JsonNode r : records) {
            String summary = r.get("summary").asText();
            assertThat(Deidentifier.mask(summary)).isEqualTo(summary);
        }
    }

    @Test
    void shiftsDatesByOneOffsetPerPatientThatDiffersBetweenExports() {
        Deidentifier d = new Deidentifier();
        LocalDate a = LocalDate.of(2024, 1, 10);
        LocalDate b = LocalDate.of(2024, 2, 20);
        LocalDate sa = d.shift(a, "P-1", "r1");
        LocalDate sb = d.shift(b, "P-1", "r2");
        assertThat(ChronoUnit.DAYS.between(sa, sb)).isEqualTo(ChronoUnit.DAYS.between(a, b));
        assertThat(sa).isNotEqualTo(a);
        assertThat(Math.abs(ChronoUnit.DAYS.between(a, sa))).isLessThanOrEqualTo(Deidentifier.MAX_SHIFT_DAYS);
        assertThat(d.pseudonym("r1")).isEqualTo(d.pseudonym("r1")).isNotEqualTo(new Deidentifier().pseudonym("r1"));
    }
}
