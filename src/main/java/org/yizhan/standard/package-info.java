/**
 * Standards as data: the checklists unions set for their subtrees (六有, 八有, regional
 * rules), versioned, only ever extended below; judging a station against the one in
 * force; and the gate that keeps a station that does not meet it off the map.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Standards",
		allowedDependencies = { "station", "organization", "platform", "platform :: web", "platform :: security" })
package org.yizhan.standard;
