/**
 * Where things are: WGS-84 points, the Chinese map coordinate systems they arrive in
 * (GCJ-02, BD-09), and the conversions between them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Geo", allowedDependencies = {})
package org.yizhan.geo;
