package com.outcomedesk.sync;

import com.outcomedesk.store.StoreLocation;

/** Where the shared server is and how to log in. {@link #toString()} leaves the password out. */
public record ServerConfig(String url, String user, String password) {

    public String displayName() {
        return new StoreLocation(null, url, user, null).displayName();
    }

    @Override
    public String toString() {
        return "ServerConfig[" + displayName() + (user == null ? "" : ", user " + user) + "]";
    }
}
