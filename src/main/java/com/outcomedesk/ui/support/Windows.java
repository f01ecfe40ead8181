package com.outcomedesk.ui.support;

import com.outcomedesk.store.OwnerOnly;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every window of the app a sensible size and place: at least its minimum, its preferred size (or its
 * content's, when larger) but never more than the screen, centred on its owner and wholly on a screen.
 * Windows with a key come back at the size and place the user left them, across runs, unless that place is
 * now off every screen. The sizes are given to the content, so a window manager's frame never cuts it.
 */
public final class Windows {
    private static final Logger LOG = LoggerFactory.getLogger(Windows.class);
    private static final Properties PLACES = new Properties();
    /** A window manager's frame until the first window shows the real one: a title bar and thin borders. */
    private static final double FRAME_W = 8;
    private static final double FRAME_H = 32;
    /** How long a window just shown takes to settle on its size under a window manager. */
    private static final Duration SETTLING = Duration.seconds(2);
    private static Path file;

    private Windows() {
    }

    /** Remembers sizes and places in this file from now on (the app's data directory); null: for this run only. */
    public static synchronized void rememberIn(Path placesFile) {
        file = placesFile;
        PLACES.clear();
        if (placesFile == null || !Files.isRegularFile(placesFile)) return;
        try (InputStream in = Files.newInputStream(placesFile)) {
            PLACES.load(in);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Window places not read ({}); windows open at their default size", e.getClass().getSimpleName());
        }
    }

    /**
     * As {@link #place(Stage, Window, String, double, double, double, double)} for a dialog's own window; a dialog
     * without an owner gets this one, so it stays in front of it.
     */
    public static <D extends Dialog<?>> D place(D dialog, Window owner, String key, double prefW, double prefH,
                                                double minW, double minH) {
        if (dialog.getOwner() == null && owner != null) dialog.initOwner(owner);
        place((Stage) dialog.getDialogPane().getScene().getWindow(), owner, key, prefW, prefH, minW, minH);
        return dialog;
    }

    /**
     * Sizes and places the stage each time it is shown (now, when it already shows).
     *
     * @param owner the window to centre on; null centres on the primary screen
     * @param key remembers the user's size and place under this name when the window is resizable; null for none
     */
    public static Stage place(Stage stage, Window owner, String key, double prefW, double prefH, double minW, double minH) {
        Placement placement = new Placement(stage, owner, key, prefW, prefH, minW, minH);
        stage.getProperties().put(Placement.class, placement);
        boolean shown = stage.isShowing();
        stage.addEventHandler(WindowEvent.WINDOW_SHOWING, e -> placement.size(false));
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> placement.whenShown());
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> placement.remember());
        if (shown) placement.size(true);
        return stage;
    }

    /**
     * Resizes a placed window to its content, which has grown or shrunk while it shows (a dialog switching panes),
     * and centres it on its owner again, wholly on the screen: sizeToScene alone keeps the top-left corner, so a
     * window that grows runs off the bottom of the screen with its buttons.
     */
    public static void fitContent(Window window) {
        if (window.getProperties().get(Placement.class) instanceof Placement p) p.fitContent();
        else window.sizeToScene();
    }

    /** Saves the places of the windows still open: quitting closes the app without hiding them first. */
    public static void rememberOpenWindows() {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w.isShowing() && w.getProperties().get(Placement.class) instanceof Placement p) p.remember();
        }
    }

    /** The bounds to restore for a key: null when none were saved or they are no longer wholly on a screen. */
    static synchronized Rectangle2D saved(String key, List<Rectangle2D> screens) {
        String value = PLACES.getProperty(key);
        if (value == null) return null;
        String[] parts = value.split(",");
        if (parts.length != 4) return null;
        try {
            Rectangle2D r = new Rectangle2D(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                    Double.parseDouble(parts[2]), Double.parseDouble(parts[3]));
            // The title bar must be reachable: the window's top strip lies on a screen.
            for (Rectangle2D s : screens) {
                if (s.contains(r.getMinX() + Math.min(40, r.getWidth() / 2), r.getMinY() + 10) && r.getWidth() <= s.getWidth()
                        && r.getHeight() <= s.getHeight()) return r;
            }
            return null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static synchronized void save(String key, Rectangle2D bounds) {
        PLACES.setProperty(key, String.format(java.util.Locale.ROOT, "%.0f,%.0f,%.0f,%.0f",
                bounds.getMinX(), bounds.getMinY(), bounds.getWidth(), bounds.getHeight()));
        if (file == null) return;
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) OwnerOnly.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(file)) {
                PLACES.store(out, "OutcomeDesk window sizes and places");
            }
        } catch (IOException e) {
            LOG.warn("Window places not saved ({})", e.getClass().getSimpleName());
        }
    }

    /** The size the content gets: its preferred size or more, at least the minimum, at most the screen. */
    static double extent(double content, double preferred, double minimum, double screen) {
        return Math.max(Math.min(Math.max(content, preferred), screen), Math.min(minimum, screen));
    }

    /** Where a window of this size goes: centred on the owner's bounds, then moved wholly onto the screen. */
    static Rectangle2D centred(double width, double height, Rectangle2D owner, Rectangle2D screen) {
        double x = owner.getMinX() + (owner.getWidth() - width) / 2;
        double y = owner.getMinY() + (owner.getHeight() - height) / 2;
        x = Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - width));
        y = Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - height));
        return new Rectangle2D(x, y, width, height);
    }

    private static final class Placement {
        private final Stage stage;
        private final Window owner;
        private final String key;
        private final double prefW;
        private final double prefH;
        private final double minW;
        private final double minH;
        private Rectangle2D restored;
        /** The window size given at showing, frame included; NaN when the window kept its own. */
        private double outerW = Double.NaN;
        private double outerH = Double.NaN;
        private Region sized;
        private double[] rootPref;

        Placement(Stage stage, Window owner, String key, double prefW, double prefH, double minW, double minH) {
            this.stage = stage;
            this.owner = owner;
            this.key = key;
            this.prefW = prefW;
            this.prefH = prefH;
            this.minW = minW;
            this.minH = minH;
        }

        /**
         * Sizes the content before the window appears (at its WINDOW_SHOWING, when the window counts as showing
         * already but has no size yet), so it opens right; the frame comes on top of it.
         *
         * @param shown the window is on the screen already, with its frame
         */
        void size(boolean shown) {
            if (shown) limit();
            restored = key != null && stage.isResizable() ? saved(key, screenBounds()) : null;
            outerW = Double.NaN;
            if (restored != null) {
                stage.setX(restored.getMinX());
                stage.setY(restored.getMinY());
                stage.setWidth(restored.getWidth());
                stage.setHeight(restored.getHeight());
                return;
            }
            Scene scene = stage.getScene();
            if (scene == null) return;
            Rectangle2D screen = screen().getVisualBounds();
            Parent root = scene.getRoot();
            root.applyCss();
            // The window manager's frame: this window's own once shown, else as its owner's.
            Window framed = shown ? stage : owner() != null && owner().isShowing() ? owner() : null;
            double frameW = framed == null ? FRAME_W : Math.max(0, framed.getWidth() - framed.getScene().getWidth());
            double frameH = framed == null ? FRAME_H : Math.max(0, framed.getHeight() - framed.getScene().getHeight());
            double w = extent(scene.getWidth() > 0 ? scene.getWidth() : root.prefWidth(-1), prefW, minW, screen.getWidth() - frameW);
            double h = extent(scene.getHeight() > 0 ? scene.getHeight() : root.prefHeight(w), prefH, minH,
                    screen.getHeight() - frameH);
            outerW = w + frameW;
            outerH = h + frameH;
            if (shown) {
                stage.setWidth(w + frameW);
                stage.setHeight(h + frameH);
            } else if (root instanceof Region region) {
                // Only for the first layout: content that grows later (a dialog's result) may still resize the window.
                sized = region;
                rootPref = new double[] {region.getPrefWidth(), region.getPrefHeight()};
                region.setPrefSize(w, h);
            }
            Rectangle2D at = centred(w + frameW, h + frameH, ownerBounds(screen), screen);
            stage.setX(at.getMinX());
            stage.setY(at.getMinY());
        }

        /**
         * The window has its size: let the content size itself again from now on. Later, not now, because a stage
         * shown for the first time sizes itself to its scene once more right after this event.
         */
        void whenShown() {
            Region region = sized;
            double[] pref = rootPref;
            sized = null;
            Platform.runLater(() -> {
                if (region != null) region.setPrefSize(pref[0], pref[1]);
                limit();
            });
        }

        /**
         * The minimum size, set only once the window is up: a window manager given it earlier enforces it on the
         * toolkit's first tiny window and so wins over the size asked for (the window opens at its minimum).
         */
        private void limit() {
            stage.setMinWidth(minW);
            stage.setMinHeight(minH);
            if (stage.getScene() == null) return;
            if (restored != null) {
                outerW = restored.getWidth();
                outerH = restored.getHeight();
            }
            if (Double.isNaN(outerW)) return;
            // GTK's toolkit shrinks a window just shown to a new minimum from a stale size, at some point while it
            // settles: for a moment, give the window back the size it was given.
            Scene scene = stage.getScene();
            double w = outerW;
            double h = outerH;
            // Only a shrink to the minimum is the toolkit's; any other size is the user's.
            InvalidationListener hold = o -> {
                if (stage.getWidth() < w - 1 && scene.getWidth() <= minW + 2) stage.setWidth(w);
                if (stage.getHeight() < h - 1 && scene.getHeight() <= minH + 2) stage.setHeight(h);
            };
            stage.widthProperty().addListener(hold);
            stage.heightProperty().addListener(hold);
            scene.widthProperty().addListener(hold);
            scene.heightProperty().addListener(hold);
            hold.invalidated(null);
            PauseTransition settled = new PauseTransition(SETTLING);
            settled.setOnFinished(e -> {
                stage.widthProperty().removeListener(hold);
                stage.heightProperty().removeListener(hold);
                scene.widthProperty().removeListener(hold);
                scene.heightProperty().removeListener(hold);
            });
            settled.play();
        }

        void fitContent() {
            Scene scene = stage.getScene();
            if (scene == null || !stage.isShowing()) return;
            Rectangle2D screen = screen().getVisualBounds();
            Parent root = scene.getRoot();
            root.applyCss();
            double frameW = Math.max(0, stage.getWidth() - scene.getWidth());
            double frameH = Math.max(0, stage.getHeight() - scene.getHeight());
            double w = extent(root.prefWidth(-1), prefW, minW, screen.getWidth() - frameW);
            double h = extent(root.prefHeight(w), 0, minH, screen.getHeight() - frameH);
            outerW = w + frameW;
            outerH = h + frameH;
            stage.setWidth(outerW);
            stage.setHeight(outerH);
            Rectangle2D at = centred(outerW, outerH, ownerBounds(screen), screen);
            stage.setX(at.getMinX());
            stage.setY(at.getMinY());
        }

        void remember() {
            if (key != null && stage.isResizable() && !stage.isIconified() && !stage.isMaximized()
                    && stage.getWidth() > 0) {
                save(key, new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));
            }
        }

        private Window owner() {
            return owner != null ? owner : stage.getOwner();
        }

        private Rectangle2D ownerBounds(Rectangle2D screen) {
            Window o = owner();
            if (o == null || !o.isShowing() || o.getWidth() <= 0 || o == stage) return screen;
            return new Rectangle2D(o.getX(), o.getY(), o.getWidth(), o.getHeight());
        }

        /** The owner's screen, else the primary one. */
        private Screen screen() {
            Window on = owner() != null && owner().isShowing() ? owner() : stage.isShowing() ? stage : null;
            if (on != null) {
                List<Screen> screens = Screen.getScreensForRectangle(on.getX(), on.getY(), Math.max(1, on.getWidth()),
                        Math.max(1, on.getHeight()));
                if (!screens.isEmpty()) return screens.get(0);
            }
            return Screen.getPrimary();
        }

        private static List<Rectangle2D> screenBounds() {
            return Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        }
    }
}
