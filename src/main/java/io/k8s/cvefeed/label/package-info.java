/** Finds CVE announcements that lack the feed label, and adds the label when asked. */
@NullMarked
package io.k8s.cvefeed.label;

import org.jspecify.annotations.NullMarked;
