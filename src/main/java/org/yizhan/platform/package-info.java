/**
 * Cross-cutting configuration every module relies on: the database (embedded or
 * external), security, web errors, i18n and time.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.yizhan.platform;
