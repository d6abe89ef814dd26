package io.sluice.image.automation;

import io.sluice.api.meta.ObjectKey;
import io.sluice.git.GitCredentials;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One automation run's Git side: where to fetch, what to change, where to push.
 *
 * @param source         the GitRepository
 * @param url            its {@code spec.url}
 * @param credentials    from its {@code secretRef}
 * @param secretName     {@code namespace/name} of that Secret, for messages; null without one
 * @param checkoutBranch the branch the change starts from
 * @param pushBranch     the branch the commit goes to (created from the checkout branch, replaced when it exists)
 * @param refspec        {@code spec.git.push.refspec}, pushed as well; null for none
 * @param pushOptions    {@code spec.git.push.options}, sent as {@code key=value} push options
 * @param path           {@code spec.update.path}: the folder whose YAML files are updated ({@code ""} for the root)
 * @param timeout        the GitRepository's {@code spec.timeout}: each fetch and push must finish within it
 */
record BranchUpdate(ObjectKey source, String url, GitCredentials credentials, String secretName, String checkoutBranch, String pushBranch,
                    String refspec, Map<String, String> pushOptions, String path, Duration timeout) {

    List<String> pushOptionList() {
        return pushOptions == null ? List.of() : pushOptions.entrySet().stream()
                .map(e -> e.getValue() == null || e.getValue().isEmpty() ? e.getKey() : e.getKey() + "=" + e.getValue()).toList();
    }
}
