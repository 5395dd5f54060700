/**
 * What every HTTP client shares: the proxy settings from the environment ({@link
 * EnvironmentProxies}) and network failures described in words ({@link NetworkFailure}). JDK only.
 */
@NullMarked
package io.k8s.cvefeed.net;

import org.jspecify.annotations.NullMarked;
