/** Turns a raw issue into an advisory plus diagnostics. Pure functions, no I/O. */
@NullMarked
package io.k8s.cvefeed.extract;

import org.jspecify.annotations.NullMarked;
