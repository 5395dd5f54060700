/**
 * The GitHub REST client: lists issues (paging, rate limits, retries, ETag cache), reads issue
 * events and team members, searches, and applies labels.
 */
@NullMarked
package io.k8s.cvefeed.github;

import org.jspecify.annotations.NullMarked;
