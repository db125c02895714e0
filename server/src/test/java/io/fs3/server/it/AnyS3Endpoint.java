package io.fs3.server.it;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an integration test class that drives a client against whatever endpoint {@link TestServer#connect} gives,
 * so it also runs against another S3 server given with {@code -Dfs3.it.endpoint}. Every other {@code *IT} class
 * tests fs3 itself and is then skipped by {@link ExternalEndpointCondition}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AnyS3Endpoint {
}
