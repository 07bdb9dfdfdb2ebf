/**
 * What every module's controllers share: the API controller marker, request values,
 * problem details for errors, the map tiles, the public base URL and the console's
 * formats.
 */
@org.springframework.modulith.NamedInterface("web")
package org.yizhan.platform.web;
