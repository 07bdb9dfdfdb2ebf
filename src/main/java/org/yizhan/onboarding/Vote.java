package org.yizhan.onboarding;

import java.time.Instant;

/** One reviewer's vote in committee mode, in the current review round. */
public record Vote(int round, String username, Decision decision, String reason, Instant votedAt) {
}
