package io.k8s.cvefeed.model;

import java.time.Instant;

/**
 * Who applied the feed label to an issue last, and when.
 *
 * @param login the GitHub login the issue events name as the actor
 * @param at when the label was applied
 * @param trusted whether the login is on the allow-list
 */
public record LabelProvenance(String login, Instant at, boolean trusted) {}
