/**
 * Time as stations keep it: OSM {@code opening_hours} strings, and (later) their
 * evaluation against China's public-holiday calendar in Asia/Shanghai.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar", allowedDependencies = {})
package org.yizhan.calendar;
