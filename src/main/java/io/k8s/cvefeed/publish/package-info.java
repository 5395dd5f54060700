/** Writes artifacts to a target, gated on the content digest in the manifest. */
@NullMarked
package io.k8s.cvefeed.publish;

import org.jspecify.annotations.NullMarked;
