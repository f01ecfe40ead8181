package com.outcomedesk.ui.security;

import com.outcomedesk.security.AccountService;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.Views;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

/** The Account menu every signed-in user has: Lock now, Change my password…, Sign out. */
public final class AccountMenu {
    private AccountMenu() {
    }

    public static Menu create(DesktopSession session, Background background, Supplier<Window> owner) {
        MenuItem who = new MenuItem("Signed in as " + session.actor().name() + " ("
                + AccountService.code(session.actor().role()) + ")");
        who.setDisable(true);
        MenuItem lock = item("lockNowItem", "_Lock now", session::lockNow);
        lock.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
        MenuItem password = item("changePasswordItem", "_Change my password…", () -> {
            ChangePasswordViewModel change = new ChangePasswordViewModel(session.engine().accounts(), session.actor(),
                    background);
            boolean changed = ChangePasswordView.create(change, owner.get()).showAndWait()
                    .filter(ChangePasswordView.CHANGE::equals).isPresent();
            if (changed) {
                Alert done = Views.styled(new Alert(Alert.AlertType.INFORMATION));
                done.initOwner(owner.get());
                done.setTitle(ChangePasswordViewModel.DONE_TITLE);
                done.setHeaderText(ChangePasswordViewModel.DONE_HEADER);
                done.setContentText(change.doneTextProperty().get());
                done.showAndWait();
            }
        });
        MenuItem signOut = item("signOutItem", "Sign _out", session::signOut);
        Menu menu = new Menu("_Account", null, who, new SeparatorMenuItem(), lock, password, new SeparatorMenuItem(), signOut);
        menu.setId("accountMenu");
        menu.setMnemonicParsing(true);
        return menu;
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setMnemonicParsing(true);
        item.setOnAction(e -> action.run());
        return item;
    }
}
