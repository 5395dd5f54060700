/** Reads raw issues from GitHub (paging, rate limits, retries, ETag cache). */
@NullMarked
package io.k8s.cvefeed.source;

import org.jspecify.annotations.NullMarked;
