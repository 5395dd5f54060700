/** HTTP service mode: artifacts, health, metrics, webhook. */
@NullMarked
package io.k8s.cvefeed.server;

import org.jspecify.annotations.NullMarked;
