package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Go types of the built-in kinds, as {@link ValueType}s: field names and types come from fabric8's model
 * classes, which are generated from the Kubernetes API definitions, read once per class through Jackson's
 * description of the bean (the properties Jackson itself reads and writes). Kinds fabric8 does not model, and
 * custom resources, have no built-in type.
 *
 * <p>fabric8's model is that of a newer Kubernetes than v1.28, so a field added since is known here although a
 * v1.28 server would call it unknown. fabric8 writes {@code []byte} fields as strings; the two of them a GitOps
 * manifest carries (a Secret's {@code data}, a ConfigMap's {@code binaryData}) are declared as bytes below.
 */
final class BuiltInTypes {

    /** Model classes whose JSON is not their properties: free-form JSON in the Go type too. */
    private static final Set<String> FREE_FORM = Set.of("JSONSchemaProps", "FieldsV1", "RawExtension", "AnyType",
            "JSONSchemaPropsOrArray", "JSONSchemaPropsOrBool", "JSONSchemaPropsOrStringArray", "JSON");

    private final ObjectMapper mapper = new ObjectMapper();
    private final KubernetesSerialization serialization = new KubernetesSerialization();
    private final Map<Class<?>, ValueType.Struct> structs = new ConcurrentHashMap<>();
    private final Map<String, Optional<ValueType.Struct>> kinds = new ConcurrentHashMap<>();

    /** The Go type of a built-in kind, e.g. {@code apps/v1} {@code Deployment}; empty when it is not built in. */
    Optional<ValueType.Struct> of(String apiVersion, String kind) {
        return kinds.computeIfAbsent(apiVersion + "#" + kind, key -> {
            Object typed = serialization.convertValue(Map.of("apiVersion", apiVersion, "kind", kind),
                    KubernetesResource.class);
            if (typed == null || typed instanceof GenericKubernetesResource) {
                return Optional.empty();
            }
            return Optional.of(struct(typed.getClass()));
        });
    }

    private ValueType.Struct struct(Class<?> type) {
        ValueType.Struct known = structs.get(type);
        if (known != null) {
            return known;
        }
        ValueType.Struct created = new ValueType.Struct(type.getSimpleName(), () -> fieldsOf(type));
        ValueType.Struct raced = structs.putIfAbsent(type, created);
        return raced != null ? raced : created;
    }

    private Map<String, ValueType> fieldsOf(Class<?> type) {
        BeanDescription description = mapper.getDeserializationConfig().introspect(mapper.constructType(type));
        Map<String, ValueType> fields = new LinkedHashMap<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            fields.put(property.getName(), typeOf(property.getPrimaryType()));
        }
        if (type.getSimpleName().equals("Secret") && fields.containsKey("data")) {
            fields.put("data", new ValueType.MapOf(new ValueType.Scalar(ValueType.Kind.BYTES)));
        }
        if (type.getSimpleName().equals("ConfigMap") && fields.containsKey("binaryData")) {
            fields.put("binaryData", new ValueType.MapOf(new ValueType.Scalar(ValueType.Kind.BYTES)));
        }
        return Collections.unmodifiableMap(fields);
    }

    private ValueType typeOf(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (type.isMapLikeType()) {
            return new ValueType.MapOf(typeOf(type.getContentType()));
        }
        if (type.isCollectionLikeType() || type.isArrayType()) {
            return new ValueType.ListOf(typeOf(type.getContentType()));
        }
        if (raw == String.class) {
            return new ValueType.Scalar(ValueType.Kind.STRING);
        }
        if (raw == Integer.class || raw == int.class) {
            return new ValueType.Scalar(ValueType.Kind.INT32);
        }
        if (raw == Long.class || raw == long.class) {
            return new ValueType.Scalar(ValueType.Kind.INT64);
        }
        if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class) {
            return new ValueType.Scalar(ValueType.Kind.FLOAT);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return new ValueType.Scalar(ValueType.Kind.BOOL);
        }
        if (raw == IntOrString.class) {
            return new ValueType.Scalar(ValueType.Kind.INT_OR_STRING);
        }
        if (raw == Quantity.class) {
            return new ValueType.Scalar(ValueType.Kind.QUANTITY);
        }
        if (KubernetesResource.class.isAssignableFrom(raw) && !FREE_FORM.contains(raw.getSimpleName())) {
            return struct(raw);
        }
        return ValueType.ANY;
    }
}
