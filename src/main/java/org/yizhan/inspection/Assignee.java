package org.yizhan.inspection;

/**
 * An inspector or evaluator a campaign names, and how many stations its worklist holds.
 */
public record Assignee(long accountId, String username, String displayName, int stations) {
}
