package io.sluice.api.flagger;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;
import io.sluice.api.meta.ObjectMetadata;
import java.util.List;
import java.util.Map;

/**
 * {@code spec.service}: the ClusterIP Services Flagger creates and the routing to them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CanaryService extends KeepsUnknownFields {

    /** Name of the apex Service; the target's name when unset. */
    private String name;
    /** The Services' port. */
    private Integer port;
    /** The port's name (Flagger: {@code http}). */
    private String portName;
    /** The container port, by number or name; {@code port} when unset. */
    private io.fabric8.kubernetes.api.model.IntOrString targetPort;
    private Boolean portDiscovery;
    private String appProtocol;
    /** Route timeout, e.g. {@code 30s}. */
    private String timeout;
    /** The Gateways the HTTPRoute attaches to (Gateway API parentRefs). */
    private List<GatewayReference> gatewayRefs;
    /** Host names of the HTTPRoute. */
    private List<String> hosts;
    /** Extra request matches of the route, kept as written (Istio HTTPMatchRequest shape). */
    private List<Map<String, Object>> match;
    /** Labels and annotations added to the primary Service. */
    private ObjectMetadata primary;
    /** Labels and annotations added to the canary Service. */
    private ObjectMetadata canary;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getPortName() {
        return portName;
    }

    public void setPortName(String portName) {
        this.portName = portName;
    }

    public io.fabric8.kubernetes.api.model.IntOrString getTargetPort() {
        return targetPort;
    }

    public void setTargetPort(io.fabric8.kubernetes.api.model.IntOrString targetPort) {
        this.targetPort = targetPort;
    }

    public Boolean getPortDiscovery() {
        return portDiscovery;
    }

    public void setPortDiscovery(Boolean portDiscovery) {
        this.portDiscovery = portDiscovery;
    }

    public String getAppProtocol() {
        return appProtocol;
    }

    public void setAppProtocol(String appProtocol) {
        this.appProtocol = appProtocol;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public List<GatewayReference> getGatewayRefs() {
        return gatewayRefs;
    }

    public void setGatewayRefs(List<GatewayReference> gatewayRefs) {
        this.gatewayRefs = gatewayRefs;
    }

    public List<String> getHosts() {
        return hosts;
    }

    public void setHosts(List<String> hosts) {
        this.hosts = hosts;
    }

    public List<Map<String, Object>> getMatch() {
        return match;
    }

    public void setMatch(List<Map<String, Object>> match) {
        this.match = match;
    }

    public ObjectMetadata getPrimary() {
        return primary;
    }

    public void setPrimary(ObjectMetadata primary) {
        this.primary = primary;
    }

    public ObjectMetadata getCanary() {
        return canary;
    }

    public void setCanary(ObjectMetadata canary) {
        this.canary = canary;
    }
}
