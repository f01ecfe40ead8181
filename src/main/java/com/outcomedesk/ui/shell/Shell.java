package com.outcomedesk.ui.shell;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.security.Actor;
import com.outcomedesk.ui.appointments.AppointmentsController;
import com.outcomedesk.ui.appointments.AppointmentsViewModel;
import com.outcomedesk.ui.security.AuditView;
import com.outcomedesk.ui.security.AuditViewModel;
import com.outcomedesk.ui.security.UsersView;
import com.outcomedesk.ui.security.UsersViewModel;
import com.outcomedesk.ui.diseases.DiseasesController;
import com.outcomedesk.ui.diseases.DiseasesViewModel;
import com.outcomedesk.ui.doctors.DoctorsController;
import com.outcomedesk.ui.doctors.DoctorsViewModel;
import com.outcomedesk.ui.models.ModelsController;
import com.outcomedesk.ui.models.ModelsViewModel;
import com.outcomedesk.ui.models.RetrainController;
import com.outcomedesk.ui.models.RetrainViewModel;
import com.outcomedesk.ui.prediction.PredictionController;
import com.outcomedesk.ui.prediction.PredictionViewModel;
import com.outcomedesk.ui.support.FxBackground;
import com.outcomedesk.ui.support.FxDialogs;
import com.outcomedesk.ui.sync.SyncPanel;
import javafx.scene.Parent;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

/** Composes the main window on an open engine: ViewModels, controllers and the screens in the navigation. */
public final class Shell {
    public static final String APPOINTMENTS = "Appointments";
    public static final String USERS = "Users";
    public static final String AUDIT = "Audit trail";
    public static final String PREDICTION = "Prediction";
    public static final String MODELS = "Models";
    public static final String DOCTORS = "Doctors";
    public static final String DISEASES = "Alike diseases";

    private final MainViewModel model;
    private final MainController controller;
    private final Parent root;

    private Shell(MainViewModel model, MainController controller, Parent root) {
        this.model = model;
        this.controller = controller;
        this.root = root;
    }

    public static Shell build(Engine engine, Actor actor, Stage stage) {
        FxBackground background = new FxBackground();
        MainViewModel model = new MainViewModel(engine, actor, background, new FxDialogs(stage));
        MainController controller = new MainController(model, background);
        Parent root = controller.load();
        PredictionViewModel prediction = new PredictionViewModel(engine.predictions(), engine.models(),
                model.actorProperty()::get, background, model.dialogs());
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
        controller.addScreen(MODELS, "The active model's honest metrics, the versions, activation and rollback",
                () -> new ModelsController(models, retrain).load());
        controller.addModelMenuItem("retrainItem", "_Retrain...", retrain);
        controller.addModelMenuItem("versionsItem", "_Versions...", () -> controller.show(MODELS));
        if (actor.isAdministrator()) {
            controller.addScreen(USERS, "Add users, change roles, reset passwords, disable accounts",
                    () -> UsersView.create(new UsersViewModel(engine.accounts(), actor)));
            controller.addScreen(AUDIT, "Browse, check and export the audit trail",
                    () -> AuditView.create(new AuditViewModel(engine.auditLog(), actor)));
        }
        SyncPanel.install(engine, model.actorProperty()::get, controller.menuBar(),
                (Pane) root.lookup(".status-bar"), 4, () -> stage, model::changed);
        return new Shell(model, controller, root);
    }

    /** Shows the first screen, or the welcome once the counts say the store is empty. */
    public void start() {
        controller.show(APPOINTMENTS);
        model.refreshCounts();
    }

    public MainViewModel model() { return model; }
    public MainController controller() { return controller; }
    public Parent root() { return root; }
}
