package io.sluice.api.kustomize;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

import java.util.List;

/**
 * The objects applied by the last successful reconciliation; used for pruning.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResourceInventory extends KeepsUnknownFields {

    private List<ResourceRef> entries;

    public List<ResourceRef> getEntries() {
        return entries;
    }

    public void setEntries(List<ResourceRef> entries) {
        this.entries = entries;
    }
}
