package io.sluice.api.messaging;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link TopicProvisioner#provision} found and did.
 *
 * @param created    topics it created
 * @param existing   topics that were already there (their cleanup policy was checked)
 * @param mismatches existing topics set up differently from what Sluice needs
 */
public record ProvisionResult(List<String> created, List<String> existing, List<TopicMismatch> mismatches) {

    public ProvisionResult {
        created = List.copyOf(created);
        existing = List.copyOf(existing);
        mismatches = List.copyOf(mismatches);
    }

    /**
     * Returns this result when every topic is as Sluice needs it.
     *
     * @throws TopicProvisioningException listing every mismatch and how to fix it
     */
    public ProvisionResult requireNoMismatches() {
        if (!mismatches.isEmpty()) {
            throw new TopicProvisioningException(mismatches.size() + " Kafka topic(s) are set up differently from what Sluice needs:\n  "
                    + mismatches.stream().map(TopicMismatch::message).collect(Collectors.joining("\n  ")));
        }
        return this;
    }
}
