package io.sluice.gateway.payload;

import io.sluice.api.events.CloneUrls;
import io.sluice.api.events.GitProvider;

/**
 * One ref moved in one repository, as a Git host's push webhook reported it. One webhook may carry several
 * (Bitbucket reports every ref of a push in one delivery).
 *
 * @param before the previous commit, all zeros for a new ref; null when the host does not say
 * @param after  the new commit, all zeros when the ref was deleted
 */
public record GitPush(GitProvider provider, CloneUrls repository, String ref, String before, String after) {
}
