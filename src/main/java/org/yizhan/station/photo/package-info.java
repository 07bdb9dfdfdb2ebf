/**
 * Station photos: uploads are checked by their bytes, re-encoded without metadata, shrunk
 * to a display size and a thumbnail, and kept in content-addressed storage.
 */
package org.yizhan.station.photo;
