/** Finds CVE announcements that lack the feed label. */
@NullMarked
package io.k8s.cvefeed.label;

import org.jspecify.annotations.NullMarked;
