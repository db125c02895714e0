package io.fs3.server.it;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * With {@code -Dfs3.it.endpoint=URL}, runs only the client suites marked {@link AnyS3Endpoint}: every other
 * integration test class ({@code *IT}) starts or inspects fs3 itself and is skipped as a whole, with the reason,
 * before any of its set-up runs. Registered for the whole module through JUnit's extension auto-detection
 * (src/test/resources: junit-platform.properties and META-INF/services).
 */
public final class ExternalEndpointCondition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestServer.isExternal() || context.getTestMethod().isPresent() || context.getTestClass().isEmpty()) {
            return ConditionEvaluationResult.enabled("no external endpoint, or decided for the class");
        }
        Class<?> testClass = context.getTestClass().get();
        if (!testClass.getSimpleName().endsWith("IT") || testClass.isAnnotationPresent(AnyS3Endpoint.class)) {
            return ConditionEvaluationResult.enabled("runs against any S3 endpoint");
        }
        return ConditionEvaluationResult.disabled("fs3-specific integration test; skipped because -Dfs3.it.endpoint="
                + System.getProperty("fs3.it.endpoint") + " runs only the client suites (@AnyS3Endpoint) against another server");
    }
}
