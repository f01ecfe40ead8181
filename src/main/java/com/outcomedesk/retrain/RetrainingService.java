package com.outcomedesk.retrain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.common.Role;
import com.outcomedesk.learn.ChallengerEvidence;
import com.outcomedesk.learn.ModelRegistry;
import com.outcomedesk.learn.TrainingRequest;
import com.outcomedesk.learn.TrainingService;
import com.outcomedesk.monitor.Alert;
import com.outcomedesk.monitor.MonitorGrouping;
import com.outcomedesk.monitor.MonitorService;
import com.outcomedesk.store.ChangeStamper;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.RetrainDecisionRepository;
import com.outcomedesk.store.SettingsRepository;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Runs the retraining policy: trains a challenger, measures it against the champion, lets {@link PromotionRule} decide
 * and activates it only when the rule says promote under a policy that allows it. Every run's decision is stored with
 * its evidence and audited; so is every change of the policy. Automatic runs act as "policy/" and the administrator who
 * set the policy, so the audit trail says on whose authority a model changed.
 */
public final class RetrainingService {
    private static final String PREFIX = "retrain.";
    private static final String SET_BY = PREFIX + "setBy";
    /** The alerts that set off a run under the on-alert policy: drift and live performance, not fallback or staleness. */
    static final Set<String> TRIGGERING_RULES = Set.of("drift", "auc", "calibration");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final TrainingService training;
    private final ModelRegistry models;
    private final MonitorService monitor;
    private final SettingsRepository settings;
    private final RetrainDecisionRepository decisions;
    private final ChangeStamper stamper;
    private final AuditTrail audit;

    public RetrainingService(Database database, TrainingService training, ModelRegistry models, MonitorService monitor,
                             SettingsRepository settings, ChangeStamper stamper, AuditTrail audit) {
        this.training = training;
        this.models = models;
        this.monitor = monitor;
        this.settings = settings;
        this.decisions = new RetrainDecisionRepository(database);
        this.stamper = stamper;
        this.audit = audit;
    }

    public RetrainingPolicy policy() {
        RetrainingPolicy p = RetrainingPolicy.DEFAULTS;
        for (String name : p.asMap().keySet()) {
            Optional<String> stored = settings.get(PREFIX + name);
            if (stored.isPresent()) p = p.with(name, stored.get());
        }
        return p.setBy(settings.get(SET_BY).orElse(null));
    }

    /** Changes one setting of the policy (administrators only; audited). */
    public RetrainingPolicy set(String name, String value, Actor actor) {
        actor.requireAdministrator("change the retraining policy");
        RetrainingPolicy next = policy().with(name, value).setBy(actor.name());
        settings.put(PREFIX + name, next.asMap().get(name));
        settings.put(SET_BY, actor.name());
        audit.record(actor, "setting-change", "setting", PREFIX + name, "value=" + next.asMap().get(name) + "; policy now "
                + next.describe());
        return next;
    }

    /**
     * Why a run is due now under the policy, or empty: never under a manual policy; on a schedule once the interval has
     * passed since the last run (or there was none); on alert when a drift or performance alert is open that was raised
     * after the last run (the monitor runs first, so alerts are current).
     */
    public Optional<String> due() {
        RetrainingPolicy p = policy();
        Optional<OffsetDateTime> last = decisions.lastDecidedAt();
        OffsetDateTime now = stamper.now();
        return switch (p.mode()) {
            case MANUAL -> Optional.empty();
            case SCHEDULE -> last.isEmpty() ? Optional.of("schedule: every " + p.everyDays() + " days, no run yet")
                    : Duration.between(last.get(), now).toDays() >= p.everyDays()
                    ? Optional.of("schedule: every " + p.everyDays() + " days, last run " + last.get().toLocalDate())
                    : Optional.empty();
            case ALERT -> {
                monitor.run(MonitorGrouping.MONTH, policyActor(p));
                yield triggeringAlert(monitor.alerts(), last.orElse(null)).map(a -> "alert: " + a.rule() + " " + a.period()
                        + " " + a.subject());
            }
        };
    }

    /**
     * The newest open drift or performance alert that calls for a run: raised after the last run and about a later month
     * than any alert raised by then. Months the last run already knew are re-judged against each new champion's figure
     * (their predictions came from the one before); without this rule every promotion would set off the next run.
     */
    static Optional<Alert> triggeringAlert(List<Alert> alerts, OffsetDateTime lastRun) {
        String seen = lastRun == null ? null : alerts.stream().filter(a -> !a.raisedAt().isAfter(lastRun)).map(Alert::period)
                .max(Comparator.naturalOrder()).orElse(null);
        return alerts.stream()
                .filter(a -> !a.acknowledged() && TRIGGERING_RULES.contains(a.rule()))
                .filter(a -> lastRun == null || a.raisedAt().isAfter(lastRun))
                .filter(a -> seen == null || a.period().compareTo(seen) > 0)
                .max(Comparator.comparing(Alert::raisedAt));
    }

    /** Runs the policy when it is due, as the policy's own actor; empty when not due. */
    public Optional<RetrainDecision> runIfDue(ProgressListener progress) {
        Optional<String> trigger = due();
        if (trigger.isEmpty()) return Optional.empty();
        return Optional.of(run(trigger.get(), policyActor(), progress));
    }

    /** An administrator's run now: the policy still decides whether a better challenger is activated. */
    public RetrainDecision runNow(Actor actor, ProgressListener progress) {
        actor.requireAdministrator("run the retraining policy");
        return run("manual: asked by " + actor.name(), actor, progress);
    }

    /**
     * One run for the reason given ({@code trigger}), as {@code actor}: trains the challenger, decides, activates only a
     * promotion, and records the decision. Interrupting the thread cancels it before anything is saved or activated.
     */
    public RetrainDecision run(String trigger, Actor actor, ProgressListener progress) {
        actor.requireAdministrator("run the retraining policy");
        RetrainingPolicy policy = policy();
        TrainingRequest defaults = TrainingRequest.defaults();
        TrainingService.ChallengerRun run = training.challenge(new TrainingRequest(TrainingRequest.Algorithm.AUTO,
                defaults.folds(), false, defaults.seed(), defaults.hashBits()), actor, progress);
        ChallengerEvidence evidence = run.evidence();
        PromotionRule.Verdict verdict = PromotionRule.decide(evidence, policy);
        if (verdict.outcome() == RetrainDecision.Outcome.PROMOTED) models.activate(evidence.challengerVersion(), actor);
        RetrainDecision decision = new RetrainDecision(UUID.randomUUID(), stamper.now(), trigger, policy.describe(),
                evidence.championVersion(), evidence.challengerVersion(), verdict.outcome(), verdict.reasons(), evidence,
                actor.name());
        decisions.insert(new RetrainDecisionRepository.StoredDecision(decision.id(), decision.decidedAt(), trigger,
                decision.policy(), decision.championVersion(), decision.challengerVersion(), decision.outcome().key(),
                String.join("\n", decision.reasons()), json(evidence), actor.name()), stamper.siteId());
        audit.record(actor, "model.retrain-decision", "model_version", String.valueOf(evidence.challengerVersion()),
                decision.outcome().key() + " (" + trigger + "): " + String.join(" ", decision.reasons()));
        return decision;
    }

    /** Every decision so far, the newest first. */
    public List<RetrainDecision> decisions() {
        return decisions.list().stream().map(RetrainingService::decision).toList();
    }

    /** Who automatic runs act as: the policy, on the authority of the administrator who set it. */
    public Actor policyActor() {
        return policyActor(policy());
    }

    static Actor policyActor(RetrainingPolicy p) {
        String name = "policy/" + (p.setBy() == null ? "default" : p.setBy());
        return new Actor(name.length() > 100 ? name.substring(0, 100) : name, Role.ADMINISTRATOR);
    }

    private static RetrainDecision decision(RetrainDecisionRepository.StoredDecision d) {
        ChallengerEvidence evidence;
        try {
            evidence = JSON.readValue(d.evidence(), ChallengerEvidence.class);
        } catch (JsonProcessingException e) {
            evidence = null;
        }
        return new RetrainDecision(d.id(), d.decidedAt(), d.trigger(), d.policy(), d.championVersion(), d.challengerVersion(),
                RetrainDecision.Outcome.of(d.outcome()), Arrays.asList(d.reasons().split("\n")), evidence, d.decidedBy());
    }

    private static String json(ChallengerEvidence e) {
        try {
            return JSON.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Cannot write the decision's evidence: " + ex.getMessage(), ex);
        }
    }
}
