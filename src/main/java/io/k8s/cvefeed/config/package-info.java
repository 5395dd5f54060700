/** Typed configuration; validate() reports every problem at once. */
@NullMarked
package io.k8s.cvefeed.config;

import org.jspecify.annotations.NullMarked;
