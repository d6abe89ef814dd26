package io.sluice.source.reconcile;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.sluice.sandbox.cluster.SandboxClusterResource;
import io.sluice.sandbox.git.LocalGitServerResource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reconciler tests' own application: the sandbox Kubernetes API and a Git server that requires Basic auth,
 * topics under the prefix {@value #PREFIX} (so these tests' events and consumer offsets never meet the other
 * test classes'), fresh storage, and quick retries.
 */
public class ReconcileTestProfile implements QuarkusTestProfile {

    public static final String PREFIX = "rt.";
    public static final String GIT_USER = "sluice";
    public static final String GIT_PASSWORD = "s3cret";

    @Override
    public Map<String, String> getConfigOverrides() {
        String data = "target/reconcile-test-" + UUID.randomUUID();
        return Map.of(
                "sluice.topics.prefix", PREFIX,
                "sluice.source.storage.path", data + "/artifacts",
                "sluice.source.git.cache-path", data + "/git",
                "sluice.source.reconcile.retry-min", "200ms");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(SandboxClusterResource.class),
                new TestResourceEntry(LocalGitServerResource.class, Map.of("user", GIT_USER, "password", GIT_PASSWORD)));
    }
}
