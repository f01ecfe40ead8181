package com.outcomedesk.ui.shell;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.ui.appointments.AppointmentsController;
import com.outcomedesk.ui.appointments.AppointmentsViewModel;
import com.outcomedesk.settings.DateFormatChoice;
import com.outcomedesk.ui.security.AccountMenu;
import com.outcomedesk.ui.security.AuditView;
import com.outcomedesk.ui.security.AuditViewModel;
import com.outcomedesk.ui.security.DesktopSession;
import com.outcomedesk.ui.security.UsersView;
import com.outcomedesk.ui.security.UsersViewModel;
import com.outcomedesk.ui.diseases.DiseasesController;
import com.outcomedesk.ui.diseases.DiseasesViewModel;
import com.outcomedesk.ui.doctors.DoctorsController;
import com.outcomedesk.ui.doctors.DoctorsViewModel;
import com.outcomedesk.ui.models.ModelsController;
import com.outcomedesk.ui.models.RetrainingController;
import com.outcomedesk.ui.models.RetrainingViewModel;
import com.outcomedesk.ui.models.ModelsViewModel;
import com.outcomedesk.ui.models.RetrainController;
import com.outcomedesk.ui.models.RetrainViewModel;
import com.outcomedesk.ui.monitoring.MonitoringController;
import com.outcomedesk.ui.monitoring.MonitoringViewModel;
import com.outcomedesk.ui.outcomes.OutcomeMappingController;
import com.outcomedesk.ui.outcomes.OutcomeMappingViewModel;
import com.outcomedesk.ui.prediction.PredictionController;
import com.outcomedesk.ui.prediction.PredictionViewModel;
import com.outcomedesk.report.PredictionReports;
import com.outcomedesk.ui.support.DateStyle;
import com.outcomedesk.ui.support.FxBackground;
import com.outcomedesk.ui.support.FxDialogs;
import com.outcomedesk.ui.settings.SettingsView;
import com.outcomedesk.ui.settings.SettingsViewModel;
import com.outcomedesk.ui.sync.ConflictsView;
import com.outcomedesk.ui.sync.ConflictsViewModel;
import com.outcomedesk.ui.sync.QuarantineViewModel;
import com.outcomedesk.ui.sync.SyncPanel;
import com.outcomedesk.ui.sync.SyncStatusViewModel;
import java.time.Duration;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.MenuBar;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

/** Composes the main window on an open engine: ViewModels, controllers and the screens in the navigation. */
public final class Shell {
    public static final String APPOINTMENTS = "Appointments";
    public static final String USERS = "Users";
    public static final String AUDIT = "Audit trail";
    public static final String OUTCOME_MAPPING = "Outcome mapping";
    public static final String PREDICTION = "Prediction";
    public static final String MODELS = "Models";
    public static final String DOCTORS = "Doctors";
    public static final String DISEASES = "Alike diseases";
    public static final String SETTINGS = "Settings";
    public static final String CONFLICTS = "Conflicts";
    public static final String MONITORING = "Monitoring";

    private final MainViewModel model;
    private final MainController controller;
    /** How long quitting or signing out waits for running work to stop before the store closes regardless. */
    public static final Duration STOP_BOUND = Duration.ofSeconds(10);

    private final Parent root;
    private final FxBackground background;
    private final SyncStatusViewModel sync;
    private final Stage stage;
    private final MonitoringViewModel monitoring;
    private final javafx.animation.Timeline policyChecks;
    /** How often the desktop looks whether the retraining policy is due, as the server's scheduler does. */
    static final javafx.util.Duration POLICY_CHECK = javafx.util.Duration.minutes(15);

    private Shell(MainViewModel model, MainController controller, Parent root, FxBackground background,
                  SyncStatusViewModel sync, Stage stage, MonitoringViewModel monitoring,
                  javafx.animation.Timeline policyChecks) {
        this.model = model;
        this.controller = controller;
        this.root = root;
        this.background = background;
        this.sync = sync;
        this.stage = stage;
        this.monitoring = monitoring;
        this.policyChecks = policyChecks;
    }

    public static Shell build(Engine engine, Actor actor, Stage stage) {
        FxBackground background = new FxBackground();
        MainViewModel model = new MainViewModel(engine, actor, background, new FxDialogs(stage));
        MainController controller = new MainController(model, background);
        Parent root = controller.load();
        PredictionViewModel prediction = new PredictionViewModel(engine.predictions(), engine.models(),
                new PredictionReports(engine.audit()), model.actorProperty()::get, background, model.dialogs());
        controller.addScreen(APPOINTMENTS, "Find, add and edit appointments; record outcomes", () -> {
            AppointmentsViewModel vm = new AppointmentsViewModel(engine.appointments(), engine.outcomes(),
                    engine.predictions(), model.actorProperty()::get, background, model.dialogs(), model.counts());
            return new AppointmentsController(vm, row -> {
                prediction.use(row);
                controller.show(PREDICTION);
            }).load();
        });
        controller.addScreen(PREDICTION, "Predict whether an appointment's outcome will be worse", () ->
                new PredictionController(prediction, prefix -> engine.appointments().doctorIds(prefix, 12)).load());
        controller.addScreen(DOCTORS, "Rank doctors by outcome and see who stands out", () -> {
            DoctorsViewModel vm = new DoctorsViewModel(engine.doctors(), engine.predictions()::predictor, model.actorProperty()::get,
                    background, model.dialogs());
            model.dataVersionProperty().addListener(o -> vm.reload());
            return new DoctorsController(vm).load();
        });
        controller.addScreen(DISEASES, "Groups of alike diseases, their map, and diseases similar to one", () -> {
            DiseasesViewModel vm = new DiseasesViewModel(engine.diseases(), model.actorProperty()::get, background, model.dialogs());
            model.dataVersionProperty().addListener(o -> vm.reload());
            return new DiseasesController(vm).load();
        });

        ModelsViewModel models = new ModelsViewModel(engine.models(), engine.predictions(), model.actorProperty()::get,
                background, model.dialogs(), model::refreshModel);
        Runnable retrain = () -> new RetrainController(new RetrainViewModel(engine.training(), engine.models(),
                model.actorProperty()::get, background, model.dialogs(), models::changed), background)
                .show(stage);
        RetrainingViewModel retraining = new RetrainingViewModel(engine.retraining(), model.actorProperty()::get, background,
                model.dialogs(), models::changed);
        controller.addScreen(MODELS, "The active model's honest metrics, the versions, activation and rollback",
                () -> new ModelsController(models, retrain, () -> new RetrainingController(retraining).load()).load());
        // Clinicians see the item disabled, with the reason in its text, rather than learn it after pressing Train.
        controller.addModelMenuItem("retrainItem", actor.isAdministrator() ? "_Retrain..." : "_Retrain... (administrators only)", retrain);
        if (!actor.isAdministrator()) {
            controller.menuBar().getMenus().stream().flatMap(m -> m.getItems().stream())
                    .filter(i -> "retrainItem".equals(i.getId())).forEach(i -> i.setDisable(true));
        }
        controller.addModelMenuItem("versionsItem", "_Versions...", () -> controller.show(MODELS));
        MonitoringViewModel monitoring = new MonitoringViewModel(engine.monitor(), model.actorProperty()::get, background,
                model.dialogs());
        controller.addScreen(MONITORING, "Live AUC and calibration against the activated figure, drift, and alerts",
                () -> new MonitoringController(monitoring, retraining).load());
        if (actor.isAdministrator()) {
            controller.addScreen(USERS, "Add users, change roles, reset passwords, disable accounts",
                    () -> UsersView.create(new UsersViewModel(engine.accounts(), actor)));
            controller.addScreen(AUDIT, "Browse, check and export the audit trail",
                    () -> AuditView.create(new AuditViewModel(engine.auditLog(), actor)));
            controller.addScreen(OUTCOME_MAPPING, "Review keyword-guessed and unmapped outcome phrasings and map them", () -> {
                OutcomeMappingViewModel vm = new OutcomeMappingViewModel(engine.outcomes(), model.actorProperty()::get,
                        background, model.dialogs(), model::changed);
                model.dataVersionProperty().addListener(o -> vm.reload());
                return new OutcomeMappingController(vm).load();
            });
        }
        SyncStatusViewModel sync = SyncPanel.install(engine, model.actorProperty()::get, controller.menuBar(),
                (Pane) root.lookup(".status-bar"), 4, () -> stage, model::changed);
        // Everyone may review conflicts (the engine lists them for all); only administrators decide them.
        controller.addScreen(CONFLICTS, "Review records two sites changed at once and decide which version to keep",
                () -> {
                    Runnable changed = () -> {
                        model.changed();
                        sync.refresh();
                    };
                    return ConflictsView.create(new ConflictsViewModel(engine.sync(), model.actorProperty()::get,
                            background, changed), new QuarantineViewModel(engine.sync(), model.actorProperty()::get,
                            background, changed));
                });
        if (actor.isAdministrator()) {
            controller.addScreen(SETTINGS, "Idle lock, risk cut-offs, date format and sync interval",
                    () -> SettingsView.create(new SettingsViewModel(engine.securitySettings(), engine.predictions(),
                            engine.displaySettings(), engine.sync(), actor, background, Shell::useDateFormat,
                            sync::scheduleEveryMinutes)));
        }
        javafx.scene.control.Label alertsLabel = new javafx.scene.control.Label();
        alertsLabel.getStyleClass().add("status-alerts");
        alertsLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        alertsLabel.textProperty().bind(monitoring.openAlertsTextProperty());
        alertsLabel.setOnMouseClicked(e -> controller.show(MONITORING));
        ((Pane) root.lookup(".status-bar")).getChildren().add(4, alertsLabel);
        monitoring.refreshOpenAlerts();
        model.backups().setAlertsChanged(monitoring::refreshAlerts);
        javafx.scene.control.Label policyLabel = new javafx.scene.control.Label();
        policyLabel.getStyleClass().add("status-item");
        policyLabel.textProperty().bind(retraining.policyRunTextProperty());
        policyLabel.setOnMouseClicked(e -> controller.show(MODELS));
        ((Pane) root.lookup(".status-bar")).getChildren().add(5, policyLabel);
        // The first look a minute after signing in (not at once: the window is still settling), then every 15 minutes.
        javafx.animation.Timeline policyChecks = new javafx.animation.Timeline(
                new javafx.animation.KeyFrame(POLICY_CHECK, e -> retraining.checkPolicy()));
        policyChecks.setCycleCount(javafx.animation.Animation.INDEFINITE);
        policyChecks.playFrom(POLICY_CHECK.subtract(javafx.util.Duration.minutes(1)));
        useDateFormat(engine.displaySettings().dateFormat());
        model.setOnQuit(Platform::exit);
        return new Shell(model, controller, root, background, sync, stage, monitoring, policyChecks);
    }

    /**
     * The signed-in user's Account menu, and their name in the status bar; signing out first stops the sync schedule and the running work, as
     * quitting does, so nothing reports an error about the store it closes.
     */
    public void addAccountMenu(DesktopSession session) {
        session.whenSigningOut(() -> stop(STOP_BOUND));
        model.accountsProperty().set(true);
        MenuBar bar = controller.menuBar();
        bar.getMenus().add(Math.max(0, bar.getMenus().size() - 1), AccountMenu.create(session, background, () -> stage));
    }

    /** Applies the store's date format to the app's date fields and tables, at sign-in and when an administrator changes it. */
    private static void useDateFormat(DateFormatChoice choice) {
        DateStyle.use(DateStyle.valueOf(choice.name()));
    }

    /** Shows the first screen, or the welcome once the counts say the store is empty. */
    public void start() {
        controller.show(APPOINTMENTS);
        model.refreshCounts();
    }

    /**
     * Stops the background work in order, before the store may close: no new sync starts, the running work is
     * asked to stop at its next progress report and nothing queued starts, then this waits for both within the
     * bound. Nothing of this reports to the user: failures caused by closing are not errors.
     *
     * @return true when everything stopped within the bound
     */
    public boolean stop(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        policyChecks.stop();
        sync.close();
        boolean work = background.shutdown(bound);
        return sync.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))) && work;
    }

    public MainViewModel model() { return model; }
    public MainController controller() { return controller; }
    public Parent root() { return root; }

    /** After the store was closed: a restore that replaces it is put in place now (see {@link BackupViewModel}). */
    public java.util.Optional<java.nio.file.Path> afterStoreClosed() throws java.io.IOException {
        return model.backups().afterStoreClosed();
    }

    /** A scheduled backup was made: the status bar shows it. */
    public void backupMade() {
        model.backups().refreshLast();
    }

    /** The app was opened with a backup file: File > Restore is offered on it. */
    public void offerRestore(java.nio.file.Path file) {
        model.backups().offerRestore(file);
    }

    /** An alert was raised or settled outside a monitor run (a backup overdue, or made): the status bar counts them. */
    public void alertsChanged() {
        monitoring.refreshAlerts();
    }
}
