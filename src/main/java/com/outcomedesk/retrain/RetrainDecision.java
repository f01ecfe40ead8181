package com.outcomedesk.retrain;

import com.outcomedesk.learn.ChallengerEvidence;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One policy run's decision, a model event: what set it off, under which policy, the champion and the challenger, the
 * outcome, why, and the measurements it rests on ({@code evidence} is null when the stored document cannot be read).
 */
public record RetrainDecision(UUID id, OffsetDateTime decidedAt, String trigger, String policy, Integer championVersion,
                              int challengerVersion, Outcome outcome, List<String> reasons, ChallengerEvidence evidence,
                              String decidedBy) {

    /** Promoted: the challenger now answers. Kept: the champion stays. Recommended: better, but the policy is manual. */
    public enum Outcome {
        PROMOTED, KEPT, RECOMMENDED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Outcome of(String key) {
            return valueOf(key.toUpperCase(Locale.ROOT));
        }
    }

    /** One line for lists: when, what and the decisive reason. */
    public String summary() {
        String champion = championVersion == null ? "no champion" : "champion " + championVersion;
        return decidedAt.toLocalDate() + " " + outcome.key() + ": challenger " + challengerVersion + " against " + champion
                + " (" + trigger + ")";
    }
}
