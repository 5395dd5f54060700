/** Am-I-affected: component versions, given or read from a cluster, against the feed's ranges. */
@NullMarked
package io.k8s.cvefeed.check;

import org.jspecify.annotations.NullMarked;
