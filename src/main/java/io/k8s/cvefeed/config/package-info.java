/** Typed configuration, parsed and validated so that every problem is reported at once. */
@NullMarked
package io.k8s.cvefeed.config;

import org.jspecify.annotations.NullMarked;
