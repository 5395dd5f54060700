/**
 * HTTP service mode: serves the artifacts, health and metrics, takes the signed webhook, and runs
 * refreshes one at a time, on a schedule or on demand.
 */
@NullMarked
package io.k8s.cvefeed.server;

import org.jspecify.annotations.NullMarked;
