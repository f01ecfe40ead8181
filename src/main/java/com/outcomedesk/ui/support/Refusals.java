package com.outcomedesk.ui.support;

import com.outcomedesk.errors.InvalidRequestException;
import com.outcomedesk.insight.DiseaseAtlas;
import com.outcomedesk.learn.ModelRegistry;
import com.outcomedesk.learn.PredictionRequest;
import com.outcomedesk.learn.TrainingRequest;
import com.outcomedesk.sync.ConflictService;
import com.outcomedesk.sync.SyncService;
import java.util.Map;

/** Phrases the engine's refusals in the desktop's words: what the field is called on screen and what to do. */
final class Refusals {
    /** Engine field name to what the screens call it. */
    private static final Map<String, String> NAMES = Map.of(
            PredictionRequest.DOCTOR_ID, "the doctor",
            PredictionRequest.SUMMARY, "the appointment summary",
            TrainingRequest.FOLDS, "The number of folds",
            DiseaseAtlas.TOP, "The number of similar diseases");

    private Refusals() {
    }

    static String phrase(InvalidRequestException e) {
        String field = e.field();
        return switch (e.reason()) {
            case MISSING -> "Enter " + NAMES.getOrDefault(field, field) + ".";
            case OUT_OF_RANGE -> NAMES.getOrDefault(field, field) + " " + e.limits() + ".";
            case NOT_FOUND -> switch (field) {
                case ModelRegistry.VERSION -> "There is no model version " + e.value() + ".";
                case ConflictService.CONFLICT_ID -> "This conflict is no longer there; refresh the list.";
                default -> e.getMessage() + ".";
            };
            case MALFORMED -> field.equals(SyncService.APPOINTMENT_ID)
                    ? "This record is not an appointment, so it cannot be repaired here."
                    : e.getMessage() + ".";
            case NO_EARLIER_VERSION -> "There is no earlier active version to roll back to.";
        };
    }
}
