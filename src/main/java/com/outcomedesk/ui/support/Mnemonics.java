package com.outcomedesk.ui.support;

import java.util.List;
import java.util.Map;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.Mnemonic;

/**
 * Alt plus an underlined letter works wherever the focus is. With the focus in a text field the desktop's input
 * method takes the letter's key press (only Alt's press and the letter's release reach JavaFX), so the mnemonic
 * never fired and Alt+F did not open the File menu while the search field had the focus. This fires the
 * mnemonic from the letter's press when it arrives, else from its release just after Alt.
 */
public final class Mnemonics {
    /** How soon after Alt a letter's release still counts as Alt+letter. */
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private long altPressedAt = Long.MIN_VALUE;
    private boolean letterPressed;

    private Mnemonics() {
    }

    /** Fires the scene's mnemonics for Alt+letter before any control or input method can keep the key. */
    public static void beforeControls(Scene scene) {
        Mnemonics state = new Mnemonics();
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ALT) {
                state.altPressedAt = System.nanoTime();
                state.letterPressed = false;
                return;
            }
            if (!e.getCode().isModifierKey()) state.letterPressed = true;
            if (e.isAltDown() && !e.isControlDown() && !e.isMetaDown() && fire(scene, e.getCode())) e.consume();
        });
        scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            boolean justAfterAlt = System.nanoTime() - state.altPressedAt < WINDOW_NANOS;
            if (e.getCode().isLetterKey() && !state.letterPressed && justAfterAlt && !e.isControlDown() && !e.isMetaDown()) {
                state.altPressedAt = Long.MIN_VALUE;
                if (fire(scene, e.getCode())) e.consume();
            }
        });
    }

    /** Fires the first usable mnemonic of Alt plus this key; false when there is none. */
    static boolean fire(Scene scene, KeyCode code) {
        KeyEvent asPressed = new KeyEvent(KeyEvent.KEY_PRESSED, code.getChar(), code.getChar(), code, false, false, true, false);
        for (Map.Entry<KeyCombination, ObservableList<Mnemonic>> entry : scene.getMnemonics().entrySet()) {
            if (!entry.getKey().match(asPressed)) continue;
            for (Mnemonic mnemonic : List.copyOf(entry.getValue())) {
                if (usable(mnemonic.getNode())) {
                    mnemonic.fire();
                    return true;
                }
            }
        }
        return false;
    }

    /** Shown and enabled: not hidden, and not under the idle lock, which disables what it covers. */
    private static boolean usable(Node node) {
        if (node == null || node.isDisabled() || node.getScene() == null) return false;
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) return false;
        }
        return true;
    }
}
