package com.outcomedesk.learn;

import com.outcomedesk.security.EncryptedStore;
import com.outcomedesk.security.StoreSecrets;
import com.outcomedesk.store.ActiveModelRead;
import com.outcomedesk.store.StoreLocation;
import java.util.Optional;

/**
 * The active model of a store without accounts, loaded without starting the engine, for scoring a file: the same
 * signed artifact, verified with the same key, as {@link ModelRegistry#current()} would load. Empty when the engine
 * has to decide (encrypted store, accounts, no active version, a refused artifact and its fallbacks) and for a model
 * trained with patient history (the engine looks the patients up): the caller then opens the engine, which says why.
 */
public final class StoredPredictor {
    /** The predictor and the store's risk cut-offs. */
    public record Ready(Predictor predictor, RiskTiers tiers) {
    }

    private StoredPredictor() {
    }

    public static Optional<Ready> open(StoreLocation location) {
        if (EncryptedStore.isEncrypted(location)) return Optional.empty();
        Optional<ActiveModelRead.Active> read = ActiveModelRead.of(location, RiskTiers.SETTING);
        if (read.isEmpty()) return Optional.empty();
        ActiveModelRead.Active a = read.get();
        byte[] key = StoreSecrets.of(location).key(StoreSecrets.Purpose.MODEL_SIGNING);
        try {
            TrainedModel model = ArtifactCodec.decode(a.artifact().artifact(), a.artifact().format(),
                    new ArtifactCodec.Identity(a.id(), a.artifact().version(), a.artifact().siteId()), key);
            if (model.usesPatientHistory()) return Optional.empty();
            LoadedModel loaded = new LoadedModel(model, a.artifact().version(), "model version " + a.artifact().version(), null);
            RiskTiers tiers = a.riskCutoffs() == null ? RiskTiers.DEFAULT : RiskTiers.parse(a.riskCutoffs());
            return Optional.of(new Ready(new Predictor(loaded), tiers));
        } catch (ArtifactCodec.RefusedArtifactException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
