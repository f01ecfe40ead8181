package com.outcomedesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Planted repeat patients change only patient references and outcomes; every other field is drawn as without them. */
class PlantedPatientsTest {
    @Test
    void plantedPatientsRepeatAndLeaveEveryOtherFieldAsTheSeedDrawsIt() {
        DemoDataGenerator plain = new DemoDataGenerator(4, 10, 0.05);
        DemoDataGenerator planted = new DemoDataGenerator(4, 10, 0.05).plantPatients(50, 1.0, 4);
        Set<String> patients = new HashSet<>();
        int withPatient = 0;
        for (int i = 0; i < 2_000; i++) {
            DemoRecord a = plain.next(), b = planted.next();
            assertThat(b.id()).isEqualTo(a.id());
            assertThat(b.doctorId()).isEqualTo(a.doctorId());
            assertThat(b.summary()).isEqualTo(a.summary());
            assertThat(b.appointmentDate()).isEqualTo(a.appointmentDate());
            if (b.patientRef() != null) {
                patients.add(b.patientRef());
                withPatient++;
            }
        }
        assertThat(patients).hasSizeLessThanOrEqualTo(50);
        assertThat(withPatient).isBetween(1_300, 1_500);
    }
}
