package io.sluice.api.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;
import io.sluice.api.meta.LocalObjectReference;

/**
 * Another GitRepository whose artifact is copied into this one ({@code spec.include[]}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GitRepositoryInclude extends KeepsUnknownFields {

    private LocalObjectReference repository;
    private String fromPath;
    private String toPath;

    public LocalObjectReference getRepository() {
        return repository;
    }

    public void setRepository(LocalObjectReference repository) {
        this.repository = repository;
    }

    public String getFromPath() {
        return fromPath;
    }

    public void setFromPath(String fromPath) {
        this.fromPath = fromPath;
    }

    public String getToPath() {
        return toPath;
    }

    public void setToPath(String toPath) {
        this.toPath = toPath;
    }
}
