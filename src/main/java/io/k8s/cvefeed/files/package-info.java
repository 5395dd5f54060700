/**
 * File-system steps every layer shares: writing a file through a temporary file and an atomic
 * rename. JDK only, so that any package may use it.
 */
@NullMarked
package io.k8s.cvefeed.files;

import org.jspecify.annotations.NullMarked;
