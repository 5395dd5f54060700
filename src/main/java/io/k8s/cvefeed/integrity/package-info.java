/**
 * Trust checks around the feed: who applied the feed label (label provenance against an
 * allow-list), and signing and verifying what is published ({@code manifest.json.sig}).
 */
@NullMarked
package io.k8s.cvefeed.integrity;

import org.jspecify.annotations.NullMarked;
