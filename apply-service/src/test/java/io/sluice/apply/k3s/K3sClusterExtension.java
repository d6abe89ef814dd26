package io.sluice.apply.k3s;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands a {@link K3sCluster} to test methods and {@code @BeforeAll} methods that declare one. The first
 * request starts it; every test class of the run then shares it (a K3s start takes 20-40 s). It lives in
 * the root context's store, which closes it, and so stops the container, when the test run ends.
 *
 * <pre>{@code
 * @Testcontainers(disabledWithoutDocker = true)   // skipped, with that reason, where there is no Docker
 * @ExtendWith(K3sClusterExtension.class)
 * class SomeK3sTest {
 *     @BeforeAll
 *     static void connect(K3sCluster k3s) { ... }
 * }
 * }</pre>
 */
public final class K3sClusterExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(K3sClusterExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == K3sCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(K3sCluster.class, type -> K3sCluster.start(), K3sCluster.class);
    }
}
