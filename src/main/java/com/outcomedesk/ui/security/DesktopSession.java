package com.outcomedesk.ui.security;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.engine.SignIn;
import com.outcomedesk.common.Actor;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;

/**
 * A signed-in user's session in the window: locking it now, and signing out, which stops what the
 * main window runs, closes the store off the FX thread and brings the sign-in screen back.
 */
public final class DesktopSession {
    private final SignIn.Session session;
    private final IdleLockViewModel lock;
    private final IdleLock idleLock;
    private final Runnable signInAgain;
    private final List<Runnable> beforeSignOut = new ArrayList<>();
    private boolean signedOut;

    DesktopSession(SignIn.Session session, IdleLockViewModel lock, IdleLock idleLock, Runnable signInAgain) {
        this.session = session;
        this.lock = lock;
        this.idleLock = idleLock;
        this.signInAgain = signInAgain;
    }

    public Engine engine() { return session.engine(); }
    public Actor actor() { return session.actor(); }
    public IdleLockViewModel idleLock() { return lock; }

    /** Covers the window at once, as the idle lock does. */
    public void lockNow() {
        lock.lockNow();
    }

    /** Runs before the store closes at sign-out, e.g. to stop background work and the sync schedule. */
    public void whenSigningOut(Runnable stop) {
        beforeSignOut.add(stop);
    }

    /** Ends the session: audited, work stopped, store closed; then the sign-in screen (FX thread). */
    public void signOut() {
        if (signedOut) return;
        signedOut = true;
        beforeSignOut.forEach(Runnable::run);
        idleLock.stop();
        Engine engine = session.engine();
        Thread closing = new Thread(() -> {
            try {
                engine.accounts().signedOut(session.actor());
            } finally {
                session.close();
                Platform.runLater(signInAgain);
            }
        }, "outcome-desk-sign-out");
        closing.setDaemon(true);
        closing.start();
    }

    public boolean signedOut() { return signedOut; }
}
