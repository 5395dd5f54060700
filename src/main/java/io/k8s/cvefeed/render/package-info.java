/** One renderer per output format; each produces artifacts (path, media type, bytes). */
@NullMarked
package io.k8s.cvefeed.render;

import org.jspecify.annotations.NullMarked;
