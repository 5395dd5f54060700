/**
 * The GitHub REST client: lists issues (paging, rate limits, retries, ETag cache), reads issue
 * events and team members, searches issues, and posts the requests that add labels.
 */
@NullMarked
package io.k8s.cvefeed.github;

import org.jspecify.annotations.NullMarked;
