package io.k8s.cvefeed.github;

import java.time.Instant;

/**
 * One {@code labeled} or {@code unlabeled} event of an issue.
 *
 * @param label the label name as the event names it
 * @param added {@code true} for {@code labeled}, {@code false} for {@code unlabeled}
 * @param actor the login of whoever (or whichever bot) changed the label; {@code ghost} when GitHub
 *     names no actor (a deleted account)
 * @param at when it happened
 */
public record LabelEvent(String label, boolean added, String actor, Instant at) {}
