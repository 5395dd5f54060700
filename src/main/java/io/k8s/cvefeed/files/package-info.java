/**
 * File-system steps every layer shares, on the JDK only so that any package may use them: writing a
 * file through a temporary file and an atomic rename, and reading one whole release from a
 * published directory.
 */
@NullMarked
package io.k8s.cvefeed.files;

import org.jspecify.annotations.NullMarked;
