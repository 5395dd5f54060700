/**
 * Publishes into a git repository: a commit on a work branch, pushed, and a GitHub pull request
 * against the base branch.
 */
@NullMarked
package io.k8s.cvefeed.publish.git;

import org.jspecify.annotations.NullMarked;
