package io.sluice.api.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The Git host whose webhook reported a push. Written in JSON in lower case ({@code "github"}). */
public enum GitProvider {
    GITHUB, GITLAB, GITEA, BITBUCKET,
    /** A push reported by something that is none of the above (a script, the sandbox Git server). */
    GENERIC;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static GitProvider fromJson(String value) {
        for (GitProvider provider : values()) {
            if (provider.json().equals(value)) {
                return provider;
            }
        }
        throw new IllegalArgumentException("unknown Git provider '" + value + "'; expected one of github, gitlab, gitea, bitbucket, generic");
    }
}
