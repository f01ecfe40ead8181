package com.outcomedesk.testing;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.store.StoreLocation;
import java.nio.file.Path;

/** Run as a separate process: opens the store in a data directory, says "open", and holds it until stdin closes. */
public final class HoldStore {
    private HoldStore() {
    }

    public static void main(String[] args) throws Exception {
        try (Engine engine = Engine.open(StoreLocation.of(Path.of(args[0]), null))) {
            System.out.println("open");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the store until the test closes this process's input
            }
        }
    }
}
