package io.sluice.rollout.metrics;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryTemplateTest {

    private final TemplateModel model = new TemplateModel("podinfo", "test", "podinfo", "podinfo-svc", null, "30s",
            Map.of("direction", "inbound"));

    @Test
    void fillsFlaggersVariables() throws MetricCheckException {
        String query = QueryTemplate.render(
                "sum(rate(x{ns=\"{{ namespace }}\",t=\"{{target}}\",s=\"{{ service }}\",n=\"{{ name }}\",d=\"{{ variables.direction }}\"}[{{ interval }}]))",
                model);

        assertThat(query).isEqualTo("sum(rate(x{ns=\"test\",t=\"podinfo\",s=\"podinfo-svc\",n=\"podinfo\",d=\"inbound\"}[30s]))");
    }

    @Test
    void unknownVariablesAndBrokenBracesAreErrorsThatNameThem() {
        assertThatThrownBy(() -> QueryTemplate.render("x[{{ window }}]", model)).isInstanceOf(MetricCheckException.class)
                .hasMessageContaining("unknown variable {{ window }}")
                .extracting(e -> ((MetricCheckException) e).reason()).isEqualTo(MetricCheckException.MALFORMED_QUERY);
        assertThatThrownBy(() -> QueryTemplate.render("x{d=\"{{ variables.cluster }}\"}", model))
                .hasMessageContaining("templateVariables have no 'cluster'");
        assertThatThrownBy(() -> QueryTemplate.render("x[{{ interval }]", model)).hasMessageContaining("unclosed '{{'");
        assertThatThrownBy(() -> QueryTemplate.render("{{ if .X }}x{{ end }}", model)).hasMessageContaining("Flagger's variables only");
    }
}
