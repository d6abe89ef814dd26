package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A pod spec as Kubernetes' {@code ValidatePodSpec} checks it (v1.28), the parts GitOps manifests get wrong:
 * containers present, named (DNS labels, unique) and with an image; ports, protocols and port names; environment
 * variable names; pull and termination-message policies; requests not above limits; volume mounts naming a
 * volume; volumes named and unique; restart and DNS policies; grace and deadline seconds.
 */
final class PodSpecValidation {

    private static final String ENV_NAME = "[-._a-zA-Z][-._a-zA-Z0-9]*";
    private static final Pattern ENV_NAME_PATTERN = Pattern.compile(ENV_NAME);
    private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
    private static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");
    private static final List<String> MESSAGE_POLICIES = List.of("File", "FallbackToLogsOnError");
    private static final List<String> RESTART_POLICIES = List.of("Always", "OnFailure", "Never");
    private static final List<String> DNS_POLICIES = List.of("ClusterFirstWithHostNet", "ClusterFirst", "Default", "None");

    private final FieldErrors errors;
    private final Set<String> volumes = new HashSet<>();

    private PodSpecValidation(FieldErrors errors) {
        this.errors = errors;
    }

    /** @param path where the spec is, e.g. {@code spec.template.spec} */
    static void validate(JsonNode spec, String path, FieldErrors errors) {
        new PodSpecValidation(errors).spec(spec, path);
    }

    private void spec(JsonNode spec, String path) {
        volumes(spec.path("volumes"), path + ".volumes");
        Set<String> containerNames = new HashSet<>();
        containers(spec.path("initContainers"), path + ".initContainers", containerNames);
        if (!spec.path("containers").isArray() || spec.path("containers").isEmpty()) {
            errors.required(path + ".containers", "");
        } else {
            containers(spec.path("containers"), path + ".containers", containerNames);
        }
        String restart = spec.path("restartPolicy").asText("");
        if (!RESTART_POLICIES.contains(restart)) {
            errors.notSupported(path + ".restartPolicy", GoSyntax.quote(restart), RESTART_POLICIES);
        }
        String dns = spec.path("dnsPolicy").asText("");
        if (!DNS_POLICIES.contains(dns)) {
            errors.notSupported(path + ".dnsPolicy", GoSyntax.quote(dns), DNS_POLICIES);
        }
        ObjectMetaValidation.labels(spec.path("nodeSelector"), path + ".nodeSelector", errors);
        JsonNode grace = spec.path("terminationGracePeriodSeconds");
        if (grace.isNumber() && grace.asLong() < 0) {
            errors.invalid(path + ".terminationGracePeriodSeconds", grace.asText(), "must be greater than or equal to 0");
        }
        JsonNode deadline = spec.path("activeDeadlineSeconds");
        if (deadline.isNumber() && deadline.asLong() <= 0) {
            errors.invalid(path + ".activeDeadlineSeconds", deadline.asText(), "must be between 1 and 2147483647, inclusive");
        }
    }

    private void volumes(JsonNode list, String path) {
        for (int i = 0; i < list.size(); i++) {
            String name = list.get(i).path("name").asText("");
            String field = path + "[" + i + "].name";
            if (name.isEmpty()) {
                errors.required(field, "");
            } else if (!volumes.add(name)) {
                errors.duplicate(field, GoSyntax.quote(name));
            } else {
                NameRules.dns1123Label(name).forEach(p -> errors.invalid(field, GoSyntax.quote(name), p));
            }
        }
    }

    private void containers(JsonNode list, String path, Set<String> names) {
        for (int i = 0; i < list.size(); i++) {
            container(list.get(i), path + "[" + i + "]", names);
        }
    }

    private void container(JsonNode container, String path, Set<String> names) {
        String name = container.path("name").asText("");
        if (name.isEmpty()) {
            errors.required(path + ".name", "");
        } else if (!names.add(name)) {
            errors.duplicate(path + ".name", GoSyntax.quote(name));
        } else {
            NameRules.dns1123Label(name).forEach(p -> errors.invalid(path + ".name", GoSyntax.quote(name), p));
        }
        if (container.path("image").asText("").isEmpty()) {
            errors.required(path + ".image", "");
        }
        supported(container, "imagePullPolicy", path, PULL_POLICIES);
        supported(container, "terminationMessagePolicy", path, MESSAGE_POLICIES);
        ports(container.path("ports"), path + ".ports");
        JsonNode env = container.path("env");
        for (int i = 0; i < env.size(); i++) {
            String envName = env.get(i).path("name").asText("");
            String field = path + ".env[" + i + "].name";
            if (envName.isEmpty()) {
                errors.required(field, "");
            } else if (!ENV_NAME_PATTERN.matcher(envName).matches()) {
                errors.invalid(field, GoSyntax.quote(envName), NameRules.regexError("a valid environment variable name "
                        + "must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
                        ENV_NAME, "my.env-name", "MY_ENV.NAME", "MyEnvName1"));
            }
        }
        resources(container.path("resources"), path + ".resources");
        JsonNode mounts = container.path("volumeMounts");
        for (int i = 0; i < mounts.size(); i++) {
            JsonNode mount = mounts.get(i);
            String mountName = mount.path("name").asText("");
            if (mountName.isEmpty()) {
                errors.required(path + ".volumeMounts[" + i + "].name", "");
            } else if (!volumes.contains(mountName)) {
                errors.notFound(path + ".volumeMounts[" + i + "].name", GoSyntax.quote(mountName));
            }
            if (mount.path("mountPath").asText("").isEmpty()) {
                errors.required(path + ".volumeMounts[" + i + "].mountPath", "");
            }
        }
    }

    private void ports(JsonNode ports, String path) {
        Set<String> portNames = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            JsonNode port = ports.get(i);
            String at = path + "[" + i + "]";
            String name = port.path("name").asText("");
            if (!name.isEmpty()) {
                NameRules.portName(name).forEach(p -> errors.invalid(at + ".name", GoSyntax.quote(name), p));
                if (!portNames.add(name)) {
                    errors.duplicate(at + ".name", GoSyntax.quote(name));
                }
            }
            portNumber(port.path("containerPort"), at + ".containerPort", true);
            portNumber(port.path("hostPort"), at + ".hostPort", false);
            String protocol = port.path("protocol").asText("");
            if (!PROTOCOLS.contains(protocol)) {
                errors.notSupported(at + ".protocol", GoSyntax.quote(protocol), PROTOCOLS);
            }
        }
    }

    /** A port number: 1-65535 ({@code required}: 0 is refused too; else 0 means unset). */
    private void portNumber(JsonNode port, String field, boolean required) {
        long number = port.asLong(0);
        if ((required || number != 0) && (number < 1 || number > 65535)) {
            errors.invalid(field, String.valueOf(number), "must be between 1 and 65535, inclusive");
        }
    }

    private void resources(JsonNode resources, String path) {
        JsonNode limits = resources.path("limits");
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.path("requests").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> request = it.next();
            JsonNode limit = limits.get(request.getKey());
            BigDecimal requested = Quantities.parse(request.getValue().asText());
            BigDecimal limited = limit == null ? null : Quantities.parse(limit.asText());
            if (requested != null && limited != null && requested.compareTo(limited) > 0) {
                errors.invalid(path + ".requests", GoSyntax.quote(request.getValue().asText()), "must be less than or "
                        + "equal to " + request.getKey() + " limit of " + limit.asText());
            }
        }
    }

    private void supported(JsonNode container, String field, String path, List<String> values) {
        String value = container.path(field).asText("");
        if (!values.contains(value)) {
            errors.notSupported(path + "." + field, GoSyntax.quote(value), values);
        }
    }
}
