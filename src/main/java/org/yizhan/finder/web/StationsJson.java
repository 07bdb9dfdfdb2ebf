package org.yizhan.finder.web;

import java.util.List;

/** The nearby answer. */
record StationsJson(List<StationJson> stations) {
}
