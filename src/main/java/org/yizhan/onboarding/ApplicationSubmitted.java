package org.yizhan.onboarding;

import java.time.Instant;

/**
 * A host submitted an application: for the district's reviewers (and, next, for scoring
 * against coverage).
 *
 * @param applicationId the new application
 * @param districtCode the union it went to
 * @param duplicate whether it was flagged as a possible duplicate
 */
@org.jmolecules.event.annotation.DomainEvent
public record ApplicationSubmitted(long applicationId, String districtCode, boolean duplicate, Instant at) {
}
