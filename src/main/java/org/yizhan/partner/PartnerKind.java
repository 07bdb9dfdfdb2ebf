package org.yizhan.partner;

/**
 * What kind of organisation a programme partner is: the seeds name a delivery platform
 * (饿了么's 一平米温暖爱心驿站), banks' and petrol companies' head offices and foundations.
 */
public enum PartnerKind {

	PLATFORM, BANK, PETROL, FOUNDATION, OTHER

}
