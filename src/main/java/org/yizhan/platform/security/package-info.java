/**
 * Who may call what: the refusal of a forbidden action, the authorities a session or an
 * API token carries, and the filters that check them.
 */
@org.springframework.modulith.NamedInterface("security")
package org.yizhan.platform.security;
