package com.outcomedesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.outcomedesk.audit.AuditLog;
import com.outcomedesk.errors.InvalidRequestException;
import com.outcomedesk.errors.InvalidRequestException.Reason;
import com.outcomedesk.errors.WrongFileException;
import com.outcomedesk.bench.LearningBenchmark;
import com.outcomedesk.learn.PredictionRequest;
import com.outcomedesk.learn.TrainingRequest;
import com.outcomedesk.common.Actor;
import com.outcomedesk.sync.ConflictService;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.common.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine refuses by field and reason (or file kind), in no caller's terms: no option names, no commands to run. */
class EngineRefusalsTest {
    @TempDir Path dir;
    private final Actor admin = Actor.localUser();

    private static InvalidRequestException refusal(ThrowingCallable call, String field, Reason reason) {
        InvalidRequestException e = catchThrowableOfType(call, InvalidRequestException.class);
        assertThat(e).as("refused by field and reason").isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.getMessage()).doesNotContain("--", "'models'", "see ");
        return e;
    }

    @Test
    void requestsNameTheFieldTheReasonAndTheLimits() {
        refusal(() -> new PredictionRequest(" ", "Cough.", null), "doctorId", Reason.MISSING);
        refusal(() -> new PredictionRequest("dr_1", null, null), "summary", Reason.MISSING);

        InvalidRequestException folds = refusal(() -> new TrainingRequest(TrainingRequest.Algorithm.AUTO, 21, false, 42, 18),
                "folds", Reason.OUT_OF_RANGE);
        assertThat(folds.min()).hasValue(2);
        assertThat(folds.max()).hasValue(20);
        assertThat(folds.getMessage()).isEqualTo("folds must be between 2 and 20");

        InvalidRequestException records = refusal(() -> new LearningBenchmark(10, 7, ProgressListener.NONE), "records", Reason.OUT_OF_RANGE);
        assertThat(records.limits()).isEqualTo("must be between 1,000 and 20,000,000");
    }

    @Test
    void modelVersionsAndQuarantineRepairsAreRefusedByFieldAndReason() {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            assertThat(refusal(() -> engine.models().activate(7, admin), "version", Reason.NOT_FOUND).value()).isEqualTo("7");
            refusal(() -> engine.models().metrics(7), "version", Reason.NOT_FOUND);
            refusal(() -> engine.models().provenance(7), "version", Reason.NOT_FOUND);
            refusal(() -> engine.models().rollback(admin), "version", Reason.NO_EARLIER_VERSION);
            assertThat(refusal(() -> engine.sync().repair("nope", admin), "appointmentId", Reason.MALFORMED).value())
                    .isEqualTo("nope");
        }
    }

    @Test
    void filesOfTheWrongKindNameTheKindNotACommandThatWritesOne() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.json"), "{}");
        WrongFileException checkpoint = catchThrowableOfType(() -> AuditLog.readCheckpoint(empty), WrongFileException.class);
        assertThat(checkpoint.kind()).isEqualTo(WrongFileException.Kind.AUDIT_CHECKPOINT);
        assertThat(checkpoint.getMessage()).contains("empty.json", "signature is missing").doesNotContain("--", "write one with");
        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("store")))) {
            WrongFileException key = catchThrowableOfType(() -> engine.models().importSigningKey(empty, admin),
                    WrongFileException.class);
            assertThat(key.kind()).isEqualTo(WrongFileException.Kind.SIGNING_KEY);
            assertThat(key.getMessage()).doesNotContain("export-signing");
        }
    }

    @Test
    void anUnknownConflictIsRefusedAsNotFound() {
        String schema = TestStores.createPostgresSchema();
        try (Engine engine = Engine.open(TestStores.postgres(dir, schema))) {
            UUID id = UUID.randomUUID();
            assertThat(refusal(() -> engine.sync().resolve(id, ConflictService.Decision.CONFIRM, admin), "conflictId",
                    Reason.NOT_FOUND).value()).isEqualTo(id.toString());
        } finally {
            TestStores.dropPostgresSchema(schema);
        }
    }
}
