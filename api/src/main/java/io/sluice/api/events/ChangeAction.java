package io.sluice.api.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What an apply did to one object; Flux's server-side-apply actions. Lower case in JSON. */
public enum ChangeAction {
    CREATED, CONFIGURED, UNCHANGED, DELETED,
    /** Left alone on purpose (Flux's {@code kustomize.toolkit.fluxcd.io/ssa: Ignore} or {@code IfNotPresent}). */
    SKIPPED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ChangeAction fromJson(String value) {
        for (ChangeAction action : values()) {
            if (action.json().equals(value)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown change action '" + value + "'; expected created, configured, unchanged, deleted or skipped");
    }
}
