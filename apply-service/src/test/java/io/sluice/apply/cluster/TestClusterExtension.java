package io.sluice.apply.cluster;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands the {@link TestCluster} to test methods and {@code @BeforeAll} methods that declare one. The first request
 * connects (or starts a K3s, 20-40 s, or a sandbox); every test class of the run then shares it. It lives in the root
 * context's store, which closes it when the test run ends.
 */
public final class TestClusterExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestClusterExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(TestCluster.class, type -> TestCluster.connect(), TestCluster.class);
    }
}
