package com.outcomedesk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.learn.TrainingRequest;
import com.outcomedesk.testing.TestStores;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor on a stream with a planted shift, and on a stable one (the false-alarm test), over 24 months. */
class PlantedDriftTest {
    private static final Actor ADMIN = new Actor("admin", Role.ADMINISTRATOR);
    private static final int SHIFT = 14;
    @TempDir Path dir;
    private Engine engine;

    @BeforeEach
    void open() {
        engine = Engine.open(TestStores.h2(dir.resolve("store")));
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aShiftRaisesDriftAlertsInItsFirstMonthAndNotBeforeAndTheLiveAucFalls() throws IOException {
        MonitorStream.write(engine, dir, ADMIN, 24, 300, SHIFT, 11);
        MonitorReport report = engine.monitor().run(MonitorGrouping.MONTH, ADMIN);

        List<Alert> drift = report.alerts().stream().filter(a -> a.rule().equals("drift")).toList();
        assertThat(drift).isNotEmpty().allSatisfy(a -> assertThat(a.period()).isGreaterThanOrEqualTo(MonitorStream.month(SHIFT)));
        assertThat(drift).filteredOn(a -> a.period().equals(MonitorStream.month(SHIFT)))
                .extracting(Alert::subject).contains(DriftMeasure.PROBABILITY, DriftMeasure.DOCTORS, DriftMeasure.TEXT,
                        DriftMeasure.ENTITIES, DriftMeasure.FOLLOW_UP);
        assertThat(report.drift()).filteredOn(d -> d.period().compareTo(MonitorStream.month(SHIFT)) < 0)
                .isNotEmpty().noneMatch(DriftFinding::flagged);
        LivePerformance before = report.periods().get(SHIFT - 1), after = report.periods().get(SHIFT);
        assertThat(before.period()).isEqualTo(MonitorStream.month(SHIFT - 1));
        assertThat(after.auc().high()).isLessThan(before.auc().low());
        assertThat(report.openAlerts()).isEqualTo(report.alerts().size());
    }

    @Test
    void aStableStreamRaisesNothingOverTwentyFourMonths() throws IOException {
        MonitorStream.write(engine, dir, ADMIN, 24, 300, -1, 12);
        // backed up, or the store would rightly raise "no-backup"
        engine.backup().backup(dir.resolve("stable.odbackup"), ADMIN, null, false, com.outcomedesk.common.ProgressListener.NONE);
        MonitorReport report = engine.monitor().run(MonitorGrouping.MONTH, ADMIN);
        assertThat(report.periods()).hasSize(24);
        assertThat(report.drift()).isNotEmpty().noneMatch(DriftFinding::flagged);
        assertThat(report.drift()).extracting(DriftFinding::feature).contains(DriftMeasure.PROBABILITY,
                DriftMeasure.DOCTORS, DriftMeasure.TEXT, DriftMeasure.ENTITIES, DriftMeasure.FOLLOW_UP, DriftMeasure.MONTH);
        assertThat(report.alerts()).isEmpty();
    }

    @Test
    void againstTheTrainingDataEachShiftedFeatureGroupIsFlaggedInTheFirstMonthAfterTheShiftAndNotBefore() throws IOException {
        MonitorStream.write(engine, dir, ADMIN, 0, SHIFT, 200, SHIFT, 15);
        engine.training().train(new TrainingRequest(TrainingRequest.Algorithm.LOGREG, 3, true, 42,
                TrainingRequest.DEFAULT_BITS), ADMIN, ProgressListener.NONE);
        MonitorStream.write(engine, dir, ADMIN, SHIFT, 20, 200, SHIFT, 16);
        MonitorReport report = engine.monitor().run(MonitorGrouping.MONTH, ADMIN);

        List<String> groups = List.of(DriftMeasure.DOCTORS, DriftMeasure.TEXT, DriftMeasure.ENTITIES, DriftMeasure.FOLLOW_UP);
        List<DriftFinding> vsTraining = report.drift().stream().filter(d -> groups.contains(d.feature())).toList();
        assertThat(vsTraining).isNotEmpty().allSatisfy(d -> assertThat(d.reference()).isEqualTo("training"));
        assertThat(vsTraining).filteredOn(d -> d.period().compareTo(MonitorStream.month(SHIFT)) < 0)
                .hasSize(groups.size() * SHIFT).noneMatch(DriftFinding::flagged);
        assertThat(vsTraining).filteredOn(d -> d.period().equals(MonitorStream.month(SHIFT)))
                .allMatch(DriftFinding::flagged).extracting(DriftFinding::feature).containsExactlyInAnyOrderElementsOf(groups);
        assertThat(report.drift()).filteredOn(d -> d.feature().equals(DriftMeasure.ENTITIES) && d.flagged())
                .allSatisfy(d -> assertThat(d.newTerms()).isNotEmpty());
        // the months asked about over a year, against the 14 trained on: no shift planted, none found
        assertThat(report.drift()).filteredOn(d -> d.feature().equals(DriftMeasure.MONTH)).isNotEmpty()
                .noneMatch(DriftFinding::flagged);
    }

    @Test
    void runningAgainRaisesNoAlertTwiceAndAcknowledgingRecordsWhoAndWhen() throws IOException {
        MonitorStream.write(engine, dir, ADMIN, 18, 200, SHIFT, 13);
        int raised = engine.monitor().run(MonitorGrouping.MONTH, ADMIN).alerts().size();
        assertThat(raised).isPositive();
        assertThat(engine.monitor().run(MonitorGrouping.MONTH, ADMIN).alerts()).hasSize(raised);

        Alert first = engine.monitor().alerts().get(0);
        Alert acked = engine.monitor().acknowledge(first.id(), ADMIN);
        assertThat(acked.acknowledged()).isTrue();
        assertThat(acked.acknowledgedBy()).isEqualTo("admin");
        assertThat(acked.acknowledgedAt()).isNotNull();
        assertThat(engine.monitor().openAlerts()).isEqualTo(raised - 1);
        Alert again = engine.monitor().acknowledge(first.id(), new Actor("someone", Role.CLINICIAN));
        assertThat(again.acknowledgedBy()).isEqualTo("admin");
    }

    @Test
    void groupingByDoctorPartitionsEachMonthsPredictions() throws IOException {
        MonitorStream.write(engine, dir, ADMIN, 3, 150, -1, 14);
        MonitorReport byMonth = engine.monitor().run(MonitorGrouping.MONTH, ADMIN);
        MonitorReport byDoctor = engine.monitor().run(MonitorGrouping.DOCTOR, ADMIN);
        for (LivePerformance month : byMonth.periods()) {
            List<LivePerformance> groups = byDoctor.periods().stream().filter(p -> p.period().equals(month.period())).toList();
            assertThat(groups).hasSize(5);
            assertThat(groups.stream().mapToLong(LivePerformance::predictions).sum()).isEqualTo(month.predictions());
            assertThat(groups.stream().mapToLong(LivePerformance::withOutcome).sum()).isEqualTo(month.withOutcome());
        }
        assertThat(byMonth.overall().predictions()).isEqualTo(450);
    }
}
