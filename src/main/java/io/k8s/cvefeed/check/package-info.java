/** Am-I-affected: component versions against the feed's ranges. */
@NullMarked
package io.k8s.cvefeed.check;

import org.jspecify.annotations.NullMarked;
