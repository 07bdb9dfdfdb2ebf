/**
 * Satisfaction ratings by QR code and the quality loop they drive (Qingdao's 日督导、周整改、
 * 月完善): signed station tokens, the public rating page, abuse defence, satisfaction
 * figures, problem tickets, daily digests and silent-station detection.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rating")
package org.yizhan.rating;
