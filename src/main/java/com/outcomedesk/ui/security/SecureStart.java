package com.outcomedesk.ui.security;

import com.outcomedesk.engine.SignIn;
import com.outcomedesk.store.StoreLocation;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.scene.Scene;

/**
 * How the desktop app starts on a store: the first-run administrator setup or the sign-in screen in the
 * window, then the app's own content, locked again after the administrator's configured idle time, until
 * the user signs out and the sign-in screen comes back.
 */
public final class SecureStart {
    /** The scene remembers how to show its sign-in again, for signing out. */
    private static final String SIGN_IN_AGAIN = SecureStart.class.getName() + ".signInAgain";

    private static boolean warmedUp;

    private SecureStart() {
    }

    /**
     * Shows the setup or sign-in screen as the scene's root; {@code onSignedIn} (FX thread) then puts the
     * app's content in the scene and calls {@link #lockWhenIdle}. {@code onFailure} gets a store that cannot be read.
     */
    public static void show(Scene scene, StoreLocation location, Consumer<SignIn.Session> onSignedIn,
                            Consumer<Throwable> onFailure) {
        scene.getProperties().put(SIGN_IN_AGAIN, (Runnable) () -> show(scene, location, onSignedIn, onFailure));
        Task<Boolean> probe = new Task<>() {
            @Override
            protected Boolean call() {
                return SignIn.hasAccounts(location);
            }
        };
        probe.setOnSucceeded(e -> {
            scene.setRoot(SignInView.create(new SignInViewModel(location, !probe.getValue()), onSignedIn));
            warmUp();
        });
        probe.setOnFailed(e -> onFailure.accept(probe.getException()));
        Thread thread = new Thread(probe, "outcome-desk-open");
        thread.setDaemon(true);
        thread.start();
    }

    /** While the user types, a cold start of what the sign-in runs is paid for in the background, once per run. */
    private static void warmUp() {
        if (warmedUp) return;
        warmedUp = true;
        Thread warm = new Thread(() -> {
            try {
                SignIn.warmUp();
            } catch (RuntimeException e) {
                // Only a head start: the sign-in works the same without it.
            }
        }, "outcome-desk-warm-up");
        warm.setDaemon(true);
        warm.setPriority(Thread.MIN_PRIORITY);
        warm.start();
    }

    /**
     * Installs the idle lock over the scene's current content; the session it returns locks now and signs
     * out (back to the sign-in that {@link #show} put in this scene).
     */
    public static DesktopSession lockWhenIdle(Scene scene, SignIn.Session session) {
        var engine = session.engine();
        IdleLockViewModel vm = new IdleLockViewModel(engine.accounts(), engine.audit(), session.actor(), System::nanoTime);
        vm.follow(engine.securitySettings(), SecureStart::inTheBackground);
        Runnable signInAgain = (Runnable) java.util.Objects.requireNonNull(scene.getProperties().get(SIGN_IN_AGAIN),
                "The scene's sign-in was not shown by SecureStart.show");
        return new DesktopSession(session, vm, IdleLock.install(scene, vm).stopWhenClosing(engine), signInAgain);
    }

    private static void inTheBackground(Runnable work) {
        Thread thread = new Thread(work, "outcome-desk-idle-lock-setting");
        thread.setDaemon(true);
        thread.start();
    }
}
