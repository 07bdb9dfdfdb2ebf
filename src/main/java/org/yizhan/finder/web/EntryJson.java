package org.yizhan.finder.web;

record EntryJson(String method, boolean unattendedNow) {
}
