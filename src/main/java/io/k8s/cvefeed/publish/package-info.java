/**
 * Writes a release (artifacts and their sha256 manifest) to the target a {@code --publish} URI
 * names, skipping an unchanged digest and repairing damaged files.
 */
@NullMarked
package io.k8s.cvefeed.publish;

import org.jspecify.annotations.NullMarked;
