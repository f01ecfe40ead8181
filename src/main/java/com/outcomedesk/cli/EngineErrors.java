package com.outcomedesk.cli;

import com.outcomedesk.errors.InvalidRequestException;
import com.outcomedesk.errors.WrongFileException;
import com.outcomedesk.insight.DiseaseAtlas;
import com.outcomedesk.bench.LearningBenchmark;
import com.outcomedesk.learn.ModelRegistry;
import com.outcomedesk.learn.PredictionRequest;
import com.outcomedesk.learn.TrainingRequest;
import com.outcomedesk.security.SignInRequiredException;
import com.outcomedesk.sync.ConflictService;
import com.outcomedesk.sync.SyncService;
import java.util.Map;

/** Phrases the engine's refusals in command-line terms: its option names and the command that shows what exists. */
final class EngineErrors {
    /** Engine field name to the option that sets it. */
    private static final Map<String, String> OPTIONS = Map.of(
            PredictionRequest.DOCTOR_ID, "--doctor",
            PredictionRequest.SUMMARY, "--summary",
            TrainingRequest.FOLDS, "--folds",
            DiseaseAtlas.TOP, "--top",
            LearningBenchmark.RECORDS, "--records");

    private EngineErrors() {
    }

    /** The sentence for a refusal, or null when it is not an engine refusal (the caller uses its message). */
    static String phrase(Throwable e) {
        if (e instanceof InvalidRequestException r) return phrase(r);
        if (e instanceof WrongFileException w) {
            return w.getMessage() + switch (w.kind()) {
                case AUDIT_CHECKPOINT -> "; write one with: audit checkpoint --out FILE";
                case SIGNING_KEY -> " (written by 'keys export-signing').";
            };
        }
        if (e instanceof SignInRequiredException) {
            return "This store has user accounts: sign in with --user NAME and the password in " + Passwords.PASSWORD_ENV
                    + " (or type it when asked).";
        }
        return null;
    }

    private static String phrase(InvalidRequestException e) {
        String field = e.field();
        return switch (e.reason()) {
            case MISSING -> switch (field) {
                case PredictionRequest.DOCTOR_ID -> "Give the doctor id (--doctor).";
                case PredictionRequest.SUMMARY -> "Give the appointment summary (--summary).";
                default -> "Give " + option(field) + ".";
            };
            case OUT_OF_RANGE -> option(field) + " " + e.limits();
            case NOT_FOUND -> switch (field) {
                case ModelRegistry.VERSION -> "There is no model version " + e.value() + ": see 'models'.";
                case ConflictService.CONFLICT_ID -> "There is no conflict " + e.value() + "; list them with 'sync conflicts'.";
                default -> e.getMessage();
            };
            case MALFORMED -> field.equals(SyncService.APPOINTMENT_ID)
                    ? "'" + e.value() + "' is not an appointment id; copy one from 'sync quarantine'."
                    : e.getMessage();
            case NO_EARLIER_VERSION -> "There is no earlier active version to roll back to: see 'models'.";
        };
    }

    private static String option(String field) {
        return OPTIONS.getOrDefault(field, field);
    }
}
