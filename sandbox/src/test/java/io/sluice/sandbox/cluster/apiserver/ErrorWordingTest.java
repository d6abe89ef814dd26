package io.sluice.sandbox.cluster.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real server's wording of refusals: 422 bodies, Go-syntax values, name and key rules, JSON and YAML syntax errors. */
class ErrorWordingTest {

    private static JsonNode json(String text) {
        return Json.parse(text, "test");
    }

    @Test
    void oneFieldErrorIsTheMessageSeveralAreBracketedAndEachIsACause() {
        ApiException one = new FieldErrors().required("spec.color", "").toException("s20.example.com", "Gadget", "g2");
        assertThat(one.getMessage()).isEqualTo("Gadget.s20.example.com \"g2\" is invalid: spec.color: Required value");
        assertThat(Json.write(one.toStatus())).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
                + "\"status\":\"Failure\",\"message\":\"Gadget.s20.example.com \\\"g2\\\" is invalid: spec.color: Required value\","
                + "\"reason\":\"Invalid\",\"details\":{\"name\":\"g2\",\"group\":\"s20.example.com\",\"kind\":\"Gadget\","
                + "\"causes\":[{\"reason\":\"FieldValueRequired\",\"message\":\"Required value\",\"field\":\"spec.color\"}]},"
                + "\"code\":422}");

        ApiException several = new FieldErrors().invalid("spec.ports[0].port", "0", "must be between 1 and 65535, inclusive")
                .notSupported("spec.type", GoSyntax.quote("X"), List.of("ClusterIP", "NodePort"))
                .tooLong("metadata.annotations", "must have at most 262144 bytes")
                .toException("", "Service", "s8");
        assertThat(several.getMessage()).isEqualTo("Service \"s8\" is invalid: [spec.ports[0].port: Invalid value: 0: must "
                + "be between 1 and 65535, inclusive, spec.type: Unsupported value: \"X\": supported values: \"ClusterIP\", "
                + "\"NodePort\", metadata.annotations: Too long: must have at most 262144 bytes]");
        assertThat(several.causes()).extracting(ApiException.Cause::reason)
                .containsExactly("FieldValueInvalid", "FieldValueNotSupported", "FieldValueTooLong");
        assertThat(new FieldErrors().required("metadata.name", "name or generateName is required")
                .toException("", "ConfigMap", "").toStatus().path("details").has("name")).isFalse();
    }

    @Test
    void valuesAreWrittenAsGoWritesThem() {
        assertThat(GoSyntax.quote("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\n\"");
        assertThat(GoSyntax.stringMap(json("{\"b\":\"2\",\"a\":\"1\"}"))).isEqualTo("map[string]string{\"a\":\"1\", \"b\":\"2\"}");
        assertThat(GoSyntax.stringMap(null)).isEqualTo("map[string]string(nil)");
        assertThat(GoSyntax.labelSelector(json("{\"matchLabels\":{\"app\":\"other\"}}"))).isEqualTo(
                "v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"other\"}, "
                        + "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}");
        assertThat(GoSyntax.labelSelector(json("{\"matchExpressions\":[{\"key\":\"k\",\"operator\":\"In\",\"values\":[\"a\"]}]}")))
                .isEqualTo("v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement"
                        + "{v1.LabelSelectorRequirement{Key:\"k\", Operator:\"In\", Values:[]string{\"a\"}}}}");
        assertThat(GoSyntax.stringSlice(List.of("10.0.0.77"))).isEqualTo("[]string{\"10.0.0.77\"}");
    }

    @Test
    void namesKeysAndLabelsAreCheckedWithTheRealServersMessages() {
        assertThat(NameRules.NameRule.DNS_SUBDOMAIN.check("Bad_Name", false)).containsExactly("a lowercase RFC 1123 "
                + "subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an "
                + "alphanumeric character (e.g. 'example.com', regex used for validation is "
                + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
        assertThat(NameRules.NameRule.DNS_SUBDOMAIN.check("n".repeat(254), false))
                .containsExactly("must be no more than 253 characters");
        assertThat(NameRules.NameRule.DNS_SUBDOMAIN.check("gen-", true)).isEmpty();
        assertThat(NameRules.NameRule.DNS1035_LABEL.check("a.b", false)).containsExactly("a DNS-1035 label must consist of "
                + "lower case alphanumeric characters or '-', start with an alphabetic character, and end with an "
                + "alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is "
                + "'[a-z]([-a-z0-9]*[a-z0-9])?')");
        assertThat(NameRules.NameRule.PATH_SEGMENT.check("system:controller:x", false)).isEmpty();
        assertThat(NameRules.qualifiedName("-x")).containsExactly("name part must consist of alphanumeric characters, '-', "
                + "'_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or "
                + "'123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
        assertThat(NameRules.qualifiedName("example.com/app")).isEmpty();
        assertThat(NameRules.qualifiedName("/app")).containsExactly("prefix part must be non-empty");
        assertThat(NameRules.labelValue("bad value!")).hasSize(1).first().asString()
                .startsWith("a valid label must be an empty string or consist of alphanumeric characters");
        assertThat(NameRules.labelValue("")).isEmpty();
        assertThat(NameRules.configMapKey("bad key!")).containsExactly("a valid config key must consist of alphanumeric "
                + "characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for "
                + "validation is '[-._a-zA-Z0-9]+')");
        assertThat(NameRules.configMapKey("..x")).containsExactly("must not start with '..'");
        assertThat(NameRules.portName("http--x")).containsExactly("must not contain consecutive hyphens");
    }

    @Test
    void jsonSyntaxErrorsAreWordedAsGosParserWordsThem() {
        assertThat(GoJsonSyntax.firstError("{not json")).isEqualTo("invalid character 'n' looking for beginning of object key string");
        assertThat(GoJsonSyntax.firstError("not json")).isEqualTo("invalid character 'o' in literal null (expecting 'u')");
        assertThat(GoJsonSyntax.firstError("{\"apiVersion\": \"v1\", ")).isEqualTo("unexpected end of JSON input");
        assertThat(GoJsonSyntax.firstError("[1 2]")).isEqualTo("invalid character '2' after array element");
        assertThat(GoJsonSyntax.firstError("{\"a\" 1}")).isEqualTo("invalid character '1' after object key");
        assertThat(GoJsonSyntax.firstError("{\"a\":1} x")).isEqualTo("invalid character 'x' after top-level value");
        assertThat(GoJsonSyntax.firstError("{\"a\":[1,2.5e3,-0,true,null,\"\\u00e9\"]}")).isNull();
    }

    @Test
    void yamlSyntaxErrorsAreWordedAsGoYamlWordsThem() {
        assertThat(yamlError("apiVersion: v1\nkind: ConfigMap\nmetadata: [\n"))
                .isEqualTo("yaml: line 3: did not find expected node content");
        assertThat(yamlError("a: b\n c: d\n")).isEqualTo("yaml: line 2: mapping values are not allowed in this context");
    }

    private static String yamlError(String body) {
        try {
            BodyReader.read(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            throw new AssertionError("expected a YAML error");
        } catch (java.io.IOException e) {
            return GoYamlErrors.describe(e);
        }
    }
}
