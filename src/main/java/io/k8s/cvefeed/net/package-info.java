/**
 * What every HTTP client shares, on the JDK only: the proxy settings from the environment ({@link
 * EnvironmentProxies}) and network failures described in words ({@link NetworkFailure}).
 */
@NullMarked
package io.k8s.cvefeed.net;

import org.jspecify.annotations.NullMarked;
