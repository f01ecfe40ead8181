package com.outcomedesk.ui.shell;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.security.Actor;
import com.outcomedesk.ui.appointments.AppointmentsController;
import com.outcomedesk.ui.appointments.AppointmentsViewModel;
import com.outcomedesk.ui.security.AuditView;
import com.outcomedesk.ui.security.AuditViewModel;
import com.outcomedesk.ui.security.UsersView;
import com.outcomedesk.ui.security.UsersViewModel;
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
        controller.addScreen(APPOINTMENTS, "Find, add and edit appointments; record outcomes", () -> {
            AppointmentsViewModel vm = new AppointmentsViewModel(engine.appointments(), engine.outcomes(),
                    model.actorProperty()::get, background, model.dialogs());
            model.dataVersionProperty().addListener(o -> vm.reload());
            return new AppointmentsController(vm).load();
        });
        if (actor.isAdministrator()) {
            controller.addScreen(USERS, "Add users, change roles, reset passwords, disable accounts",
                    () -> UsersView.create(new UsersViewModel(engine.accounts(), actor)));
            controller.addScreen(AUDIT, "Browse, check and export the audit trail",
                    () -> AuditView.create(new AuditViewModel(engine.auditLog(), actor)));
        }
        SyncPanel.install(engine, model.actorProperty()::get, controller.menuBar(),
                (Pane) root.lookup(".status-bar"), 4, () -> stage, model::refreshCounts);
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
