package org.yizhan.inspection;

/**
 * What a campaign is for; each kind's name is in the bundle as
 * {@code inspection.kind.<NAME>}.
 */
public enum CampaignKind {

	/** The yearly 回头看: revisit stations, find problems, set deadlines to rectify them. */
	ANNUAL_REVIEW,

	/** A scored assessment by a professional body under contract (第三方评估). */
	THIRD_PARTY,

	/** A union's unannounced or routine spot check (抽查). */
	SPOT_CHECK,

	/** Stations checking themselves against the standard (自查). */
	SELF_CHECK

}
