package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Services: defaults ({@code type: ClusterIP}, {@code sessionAffinity: None}, ports' {@code protocol: TCP} and
 * {@code targetPort}, traffic policies), what the server allocates on create (a cluster IP from
 * {@value #SERVICE_RANGE}, IP families, node ports from 30000-32767; a requested IP or port that is taken or out
 * of range is refused), validation of ports and types, and cluster IPs that may not change once set.
 */
final class ServiceRules implements KindRules {

    /** The recorded cluster's service range; the sandbox allocates from it too. */
    static final String SERVICE_RANGE = "10.0.0.0/24";
    private static final String NETWORK = "10.0.0.";
    private static final int NODE_PORT_MIN = 30000;
    private static final int NODE_PORT_MAX = 32767;
    private static final List<String> TYPES = List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");
    private static final List<String> AFFINITIES = List.of("ClientIP", "None");
    private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    private final ObjectStore store;

    ServiceRules(ObjectStore store) {
        this.store = store;
    }

    @Override
    public void defaults(ObjectNode object) {
        ObjectNode spec = Defaults.object(object, "spec");
        Defaults.putIfAbsent(spec, "type", "ClusterIP");
        Defaults.putIfAbsent(spec, "sessionAffinity", "None");
        String type = spec.path("type").asText();
        for (JsonNode port : spec.path("ports")) {
            if (port instanceof ObjectNode entry) {
                Defaults.putIfAbsent(entry, "protocol", "TCP");
                JsonNode target = entry.get("targetPort");
                if (target == null || target.isNumber() && target.asInt() == 0 || target.isTextual() && target.asText().isEmpty()) {
                    entry.set("targetPort", entry.path("port").deepCopy());
                }
            }
        }
        if (type.equals("NodePort") || type.equals("LoadBalancer")) {
            Defaults.putIfAbsent(spec, "externalTrafficPolicy", "Cluster");
        }
        if (!type.equals("ExternalName")) {
            Defaults.putIfAbsent(spec, "internalTrafficPolicy", "Cluster");
        }
        if (type.equals("LoadBalancer")) {
            Defaults.putIfAbsent(spec, "allocateLoadBalancerNodePorts", true);
        }
        if (spec.path("sessionAffinity").asText().equals("ClientIP")) {
            Defaults.putIfAbsent(Defaults.object(Defaults.object(spec, "sessionAffinityConfig"), "clientIP"),
                    "timeoutSeconds", 10800);
        }
    }

    /** What the service storage allocates: IP families, a cluster IP, node ports. */
    @Override
    public void prepareCreate(ObjectNode object) {
        ObjectNode spec = Defaults.object(object, "spec");
        String type = spec.path("type").asText();
        if (type.equals("ExternalName")) {
            return;
        }
        String clusterIp = spec.path("clusterIP").asText("");
        boolean headless = clusterIp.equals("None");
        if (!spec.has("ipFamilyPolicy")) {
            spec.put("ipFamilyPolicy", headless && spec.path("selector").isEmpty() ? "RequireDualStack" : "SingleStack");
        }
        if (!spec.has("ipFamilies")) {
            spec.putArray("ipFamilies").add("IPv4");
        }
        String name = Json.meta(object, "name");
        if (!headless) {
            clusterIp = allocateClusterIp(clusterIp, name);
            spec.put("clusterIP", clusterIp);
        }
        if (!spec.has("clusterIPs")) {
            spec.putArray("clusterIPs").add(clusterIp);
        }
        if (type.equals("NodePort") || type.equals("LoadBalancer")) {
            allocateNodePorts(spec, name);
        }
    }

    private String allocateClusterIp(String requested, String name) {
        Set<String> used = new HashSet<>();
        forEachService(spec -> spec.path("clusterIPs").forEach(ip -> used.add(ip.asText())));
        if (requested.isEmpty()) {
            int start = ThreadLocalRandom.current().nextInt(2, 255);
            for (int i = 0; i < 253; i++) {
                String candidate = NETWORK + (2 + (start - 2 + i) % 253);
                if (!used.contains(candidate)) {
                    return candidate;
                }
            }
            throw allocationError(requested, name, "range is full");
        }
        if (!requested.startsWith(NETWORK) || !IPV4.matcher(requested).matches() || requested.equals(NETWORK + "0")
                || requested.equals(NETWORK + "255")) {
            throw allocationError(requested, name, "the provided IP (" + requested + ") is not in the valid range. The range "
                    + "of valid IPs is " + SERVICE_RANGE);
        }
        if (used.contains(requested)) {
            throw allocationError(requested, name, "provided IP is already allocated");
        }
        return requested;
    }

    private static ApiException allocationError(String ip, String name, String reason) {
        return new FieldErrors().invalid("spec.clusterIPs", GoSyntax.stringSlice(List.of(ip)), "failed to allocate IP "
                + ip + ": " + reason).toException("", "Service", name);
    }

    private void allocateNodePorts(ObjectNode spec, String name) {
        Set<Integer> used = new HashSet<>();
        forEachService(other -> other.path("ports").forEach(p -> used.add(p.path("nodePort").asInt(0))));
        ArrayNode ports = spec.get("ports") instanceof ArrayNode list ? list : Json.array();
        FieldErrors errors = new FieldErrors();
        for (int i = 0; i < ports.size(); i++) {
            if (!(ports.get(i) instanceof ObjectNode port)) {
                continue;
            }
            int requested = port.path("nodePort").asInt(0);
            String field = "spec.ports[" + i + "].nodePort";
            if (requested == 0) {
                int start = ThreadLocalRandom.current().nextInt(NODE_PORT_MIN, NODE_PORT_MAX + 1);
                for (int j = 0; j <= NODE_PORT_MAX - NODE_PORT_MIN; j++) {
                    int candidate = NODE_PORT_MIN + (start - NODE_PORT_MIN + j) % (NODE_PORT_MAX - NODE_PORT_MIN + 1);
                    if (used.add(candidate)) {
                        port.put("nodePort", candidate);
                        break;
                    }
                }
            } else if (requested < NODE_PORT_MIN || requested > NODE_PORT_MAX) {
                errors.invalid(field, String.valueOf(requested), "provided port is not in the valid range. The range of "
                        + "valid ports is " + NODE_PORT_MIN + "-" + NODE_PORT_MAX);
            } else if (!used.add(requested)) {
                errors.invalid(field, String.valueOf(requested), "provided port is already allocated");
            }
        }
        errors.throwIfAny("", "Service", name);
    }

    private void forEachService(java.util.function.Consumer<JsonNode> specs) {
        for (Map.Entry<ObjectRef, ObjectNode> entry : store.list("", "services", null, o -> true)) {
            specs.accept(entry.getValue().path("spec"));
        }
    }

    /**
     * A replace or patch that leaves the allocated values out keeps them (the server patches them back in); a
     * changed {@code clusterIP} carries into {@code clusterIPs}, where validation then refuses it.
     */
    @Override
    public void prepareUpdate(ObjectNode live, ObjectNode desired) {
        JsonNode before = live.path("spec");
        ObjectNode after = Defaults.object(desired, "spec");
        String beforeIp = before.path("clusterIP").asText("");
        String afterIp = after.path("clusterIP").asText("");
        if (afterIp.isEmpty() && !beforeIp.isEmpty()) {
            after.put("clusterIP", beforeIp);
            after.set("clusterIPs", before.path("clusterIPs").deepCopy());
        } else if (!afterIp.equals(beforeIp) && after.get("clusterIPs") instanceof ArrayNode ips && !ips.isEmpty()
                && ips.get(0).asText().equals(beforeIp)) {
            ips.set(0, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(afterIp));
        }
        for (String field : List.of("ipFamilies", "ipFamilyPolicy")) {
            if (!after.has(field) && before.has(field)) {
                after.set(field, before.get(field).deepCopy());
            }
        }
        for (JsonNode port : after.path("ports")) {
            if (port instanceof ObjectNode object && object.path("nodePort").asInt(0) == 0) {
                for (JsonNode old : before.path("ports")) {
                    if (old.path("port").equals(object.path("port")) && old.has("nodePort")) {
                        object.set("nodePort", old.get("nodePort").deepCopy());
                    }
                }
            }
        }
    }

    @Override
    public void validate(ObjectNode object, FieldErrors errors) {
        JsonNode spec = object.path("spec");
        String type = spec.path("type").asText("");
        boolean headless = spec.path("clusterIP").asText("").equals("None");
        JsonNode ports = spec.path("ports");
        if (ports.isEmpty() && !headless && !type.equals("ExternalName")) {
            errors.required("spec.ports", "");
        }
        if (!TYPES.contains(type)) {
            errors.notSupported("spec.type", GoSyntax.quote(type), TYPES);
        }
        if (type.equals("ExternalName")) {
            String externalName = spec.path("externalName").asText("");
            if (externalName.isEmpty()) {
                errors.required("spec.externalName", "");
            } else {
                NameRules.dns1123Subdomain(externalName.endsWith(".") ? externalName.substring(0, externalName.length() - 1)
                        : externalName).forEach(p -> errors.invalid("spec.externalName", GoSyntax.quote(externalName), p));
            }
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            port(ports.get(i), "spec.ports[" + i + "]", ports.size() > 1, names, errors);
        }
        String affinity = spec.path("sessionAffinity").asText("");
        if (!AFFINITIES.contains(affinity)) {
            errors.notSupported("spec.sessionAffinity", GoSyntax.quote(affinity), AFFINITIES);
        }
        JsonNode ips = spec.path("clusterIPs");
        for (int i = 0; i < ips.size(); i++) {
            String ip = ips.get(i).asText();
            if (!ip.equals("None") && !IPV4.matcher(ip).matches()) {
                errors.invalid("spec.clusterIPs[" + i + "]", GoSyntax.quote(ip), "must be a valid IP address, (e.g. "
                        + "10.9.8.7 or 2001:db8::ffff)");
            }
        }
        ObjectMetaValidation.labels(spec.path("selector"), "spec.selector", errors);
    }

    private static void port(JsonNode port, String path, boolean several, Set<String> names, FieldErrors errors) {
        String name = port.path("name").asText("");
        if (name.isEmpty()) {
            if (several) {
                errors.required(path + ".name", "");
            }
        } else {
            NameRules.dns1123Label(name).forEach(p -> errors.invalid(path + ".name", GoSyntax.quote(name), p));
            if (!names.add(name)) {
                errors.duplicate(path + ".name", GoSyntax.quote(name));
            }
        }
        long number = port.path("port").asLong(0);
        if (number < 1 || number > 65535) {
            errors.invalid(path + ".port", String.valueOf(number), "must be between 1 and 65535, inclusive");
        }
        String protocol = port.path("protocol").asText("");
        if (!PROTOCOLS.contains(protocol)) {
            errors.notSupported(path + ".protocol", GoSyntax.quote(protocol), PROTOCOLS);
        }
        JsonNode target = port.path("targetPort");
        if (target.isTextual()) {
            NameRules.portName(target.asText()).forEach(p -> errors.invalid(path + ".targetPort",
                    GoSyntax.quote(target.asText()), p));
        } else if (target.asLong(0) < 1 || target.asLong(0) > 65535) {
            errors.invalid(path + ".targetPort", String.valueOf(target.asLong(0)), "must be between 1 and 65535, inclusive");
        }
    }

    @Override
    public void validateUpdate(ObjectNode live, ObjectNode desired, FieldErrors errors) {
        JsonNode before = live.path("spec").path("clusterIPs");
        JsonNode after = desired.path("spec").path("clusterIPs");
        if (!before.isEmpty() && !after.isEmpty() && !before.get(0).equals(after.get(0))) {
            java.util.List<String> ips = new java.util.ArrayList<>();
            after.forEach(ip -> ips.add(ip.asText()));
            errors.invalid("spec.clusterIPs[0]", GoSyntax.stringSlice(ips), "may not change once set");
        }
    }
}
