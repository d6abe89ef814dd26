package io.sluice.sandbox.cluster.apiserver;

/**
 * The {@link KindRules} of each built-in kind the sandbox models, by API group and kind. Kinds not listed are
 * decoded and round-tripped through their Go type and get their metadata validated, nothing more.
 */
final class BuiltInKinds {

    private final KindRules services;

    BuiltInKinds(ObjectStore store) {
        this.services = new ServiceRules(store);
    }

    KindRules rules(String group, String kind) {
        return switch (group + "/" + kind) {
            case "/ConfigMap" -> ConfigDataRules.configMaps();
            case "/Secret" -> ConfigDataRules.secrets();
            case "/Service" -> services;
            case "/Pod" -> new PodRules();
            case "/PersistentVolumeClaim" -> ClaimAndPolicyRules.CLAIMS;
            case "apps/Deployment", "apps/ReplicaSet", "apps/StatefulSet", "apps/DaemonSet" -> new WorkloadRules(kind);
            case "batch/Job" -> JobRules.jobs();
            case "batch/CronJob" -> JobRules.cronJobs();
            case "networking.k8s.io/NetworkPolicy" -> ClaimAndPolicyRules.NETWORK_POLICIES;
            default -> KindRules.NONE;
        };
    }
}
