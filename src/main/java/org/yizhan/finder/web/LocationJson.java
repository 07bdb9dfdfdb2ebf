package org.yizhan.finder.web;

record LocationJson(double lat, double lon, String crs) {
}
