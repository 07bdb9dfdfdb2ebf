/**
 * Personal data at rest: the keyed cipher that seals a column, its key rotation, and the
 * masks that show a sealed value in part.
 */
@org.springframework.modulith.NamedInterface("privacy")
package org.yizhan.platform.privacy;
