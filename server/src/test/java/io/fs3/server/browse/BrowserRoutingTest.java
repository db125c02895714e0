package io.fs3.server.browse;

import io.fs3.server.op.OperationResolver;
import io.fs3.server.op.OperationResolver.Scope;
import io.fs3.server.op.S3Operation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Unsigned ?browser GETs pass the SigV4 filter, so every GET with a browser parameter must resolve to BROWSE and
 * nothing else, whatever S3 sub-resources or arguments ride along.
 */
class BrowserRoutingTest {
    @ParameterizedTest
    @EnumSource(Scope.class)
    void everyGetWithBrowserIsABrowserPage(Scope scope) {
        assertThat(OperationResolver.resolve("GET", scope, Map.of("browser", "true"), false)).isEqualTo(S3Operation.BROWSE);
        assertThat(OperationResolver.resolve("GET", scope, Map.of("browser", "false", "prefix", "a/"), false))
                .isEqualTo(S3Operation.BROWSE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"list-type", "acl", "uploads", "tagging", "uploadId", "location", "policy"})
    void subResourcesNeverWinOverBrowser(String sub) {
        for (Scope scope : Scope.values()) {
            assertThat(OperationResolver.resolve("GET", scope, Map.of("browser", "true", sub, ""), false))
                    .isEqualTo(S3Operation.BROWSE);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "POST", "HEAD"})
    void browserIsNoOperationForOtherMethods(String method) {
        assertThatThrownBy(() -> OperationResolver.resolve(method, Scope.OBJECT, Map.of("browser", "true"), false))
                .hasMessageContaining("Browser");
    }
}
