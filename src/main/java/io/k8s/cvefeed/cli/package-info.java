/** picocli commands; the only place with System.exit and stdout. */
@NullMarked
package io.k8s.cvefeed.cli;

import org.jspecify.annotations.NullMarked;
