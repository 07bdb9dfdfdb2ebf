package org.yizhan.platform.security;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A signed-in caller was refused an action (403): published so that the audit log can
 * record attempts beyond one's rights, such as granting a role one does not hold.
 *
 * @param method the HTTP method
 * @param path the request path, without the query
 * @param reason the refusal's message code
 */
@DomainEvent
public record AccessRefused(String method, String path, String reason) {

}
