package com.outcomedesk.ui.security;

import com.outcomedesk.security.AccountService;
import com.outcomedesk.ui.support.Background;
import java.util.function.Supplier;
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
        MenuItem password = item("changePasswordItem", "_Change my password…", () -> ChangePasswordView.create(
                new ChangePasswordViewModel(session.engine().accounts(), session.actor(), background), owner.get())
                .showAndWait());
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
