package io.sluice.sandbox.git;

import java.util.Objects;

/** The single user and password the Git server accepts when authentication is on. */
public record BasicAuth(String user, String password) {

    public BasicAuth {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.isEmpty() || user.contains(":")) {
            throw new IllegalArgumentException("Git sandbox user '" + user + "' must be non-empty and contain no ':'");
        }
    }

    /** Hides the password, so the record can be logged. */
    @Override
    public String toString() {
        return "BasicAuth[user=" + user + ", password=***]";
    }
}
