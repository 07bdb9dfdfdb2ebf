/**
 * The trade-union organisation tree (national, province, city, district, street,
 * industry) that owns stations and bounds what each union sees.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations")
package org.yizhan.organization;
